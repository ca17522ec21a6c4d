import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { maintenanceCalendar, type FeedWindow } from './calendar';

const window: FeedWindow = {
	id: '0b9e7c3e-2f55-4a0e-9a51-6d1f4f7d2b10',
	title: 'Mise à jour du noyau',
	description: 'Redémarrage, ; et \\ compris',
	start: new Date('2026-10-25T00:30:00Z'),
	end: new Date('2026-10-25T01:30:00Z'),
	cancelled: true,
	cancelReason: 'Reportée',
	sequence: 3,
	updatedAt: new Date('2026-10-20T08:00:00Z'),
	components: ['Web', 'Base']
};

describe('maintenance calendar (RFC 5545)', () => {
	it('says one window as an event a real parser reads back: UID, SEQUENCE, STATUS, UTC times', () => {
		const text = maintenanceCalendar({
			name: 'Maintenances',
			host: 'portal.test',
			locale: 'en',
			windows: [window]
		});
		const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
		expect(event.getFirstPropertyValue('uid')).toBe(`${window.id}@portal.test`);
		expect(event.getFirstPropertyValue('sequence')).toBe(3);
		expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
		const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
		// On the night of the October DST change, still the same instant, in UTC.
		expect(start.zone).toBe(ICAL.Timezone.utcTimezone);
		expect(start.toJSDate()).toEqual(window.start);
		expect(event.getFirstPropertyValue('summary')).toBe('Maintenance: Mise à jour du noyau');
		expect(String(event.getFirstPropertyValue('description'))).toBe(
			'Redémarrage, ; et \\ compris\n\nComponents: Web, Base\nCancelled: Reportée'
		);
	});
});
