import { describe, expect, it } from 'vitest';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { clientChoices, locateIncident } from '../../src/lib/server/incidents/locate';
import { createMember, createStaff, createTenant } from './factories';

describe('the staff console finds a report by its number alone', () => {
	it("gives staff the report's client, and everyone else the same 404", async () => {
		const staff = await createStaff('operator');
		const t = await createTenant(await createStaff(), 'alteo');
		const contact = await createMember(t.id, t.slug, 'contact');
		const filed = await fileIncident(contact, t.slug, {
			severity: 'minor',
			title: 'Lenteurs',
			description: 'x'
		});

		expect(await locateIncident(staff, filed.number)).toBe(t.slug);
		expect(await locateIncident(staff, filed.number.toLowerCase())).toBe(t.slug);
		await expect(locateIncident(staff, 'INC-1999-00001')).rejects.toMatchObject({ status: 404 });
		await expect(locateIncident(contact, filed.number)).rejects.toMatchObject({ status: 404 });
		expect((await clientChoices(staff)).map((c) => c.slug)).toContain(t.slug);
		await expect(clientChoices(contact)).rejects.toMatchObject({ status: 404 });
	});
});
