import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';

const admin = { authorization: 'Bearer demo-admin-token' };
const ingest = { authorization: 'Bearer demo-ingest-token' };
const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of an instant on the Paris wall clock. */
const parisDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at);

/** The instant of a Paris wall-clock time (business hours never fall in a DST switch). */
function parisInstant(date: string, time: string): Date {
	const guess = new Date(`${date}T${time}:00Z`);
	const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
		.formatToParts(guess)
		.find((p) => p.type === 'timeZoneName')!.value;
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	const offsetMinutes = match
		? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
		: 0;
	return new Date(guess.getTime() - offsetMinutes * 60_000);
}

/** French public holidays of a year (004 art. 6: outside the axantis coverage). */
function frenchHolidays(year: number): Set<string> {
	// Anonymous Gregorian computus.
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
	const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
	const mm = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * mm + 114) / 31);
	const easter = Date.UTC(year, month - 1, ((h + l - 7 * mm + 114) % 31) + 1);
	const movable = [1, 39, 50].map((d) => new Date(easter + d * DAY_MS).toISOString().slice(0, 10));
	const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(
		(d) => `${year}-${d}`
	);
	return new Set([...fixed, ...movable]);
}

const isBusinessDay = (date: string) => {
	const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
	return weekday >= 1 && weekday <= 5 && !frenchHolidays(Number(date.slice(0, 4))).has(date);
};

/**
 * A covered day whose samples the API still accepts (31 days): the latest one of last month,
 * so the month is complete and its credit can be requested; else one earlier this month.
 */
function pickDay(now: Date): string {
	const thisMonth = parisDate(now).slice(0, 7);
	const days = Array.from({ length: 27 }, (_, i) =>
		parisDate(new Date(now.getTime() - (i + 1) * DAY_MS))
	).filter(isBusinessDay);
	return (
		days.find((d) => d.slice(0, 7) < thisMonth) ?? days.find((d) => d.slice(0, 7) === thisMonth)!
	);
}

/** Two hours of erp-1 down (09:00–11:00 Paris), one sample per 10 s as the demo agents send. */
async function recordOutage(request: APIRequestContext, day: string) {
	const from = parisInstant(day, '09:00').getTime();
	const samples = [];
	for (let t = from; t <= from + 125 * 60_000; t += 10_000) {
		samples.push({
			client: 'globex',
			component: 'erp-1',
			at: new Date(t).toISOString(),
			status: t < from + 120 * 60_000 ? 'down' : 'up'
		});
	}
	const stored = await request.post('/api/v1/samples', { headers: ingest, data: { samples } });
	expect(stored.status()).toBe(202);
}

test('a client reads a missed month: its credit, and each exclusion with its reason', async ({
	page,
	browser,
	request
}) => {
	const day = pickDay(new Date());
	const month = day.slice(0, 7);
	await recordOutage(request, day);

	// Part of the outage is the client's doing (excluded, counted as available under axantis).
	const note = `Coupure électrique chez Globex ${Date.now()}`;
	const qualified = await request.post('/api/v1/clients/globex/qualifications', {
		headers: admin,
		data: {
			component: 'erp-1',
			start: parisInstant(day, '09:00').toISOString(),
			end: parisInstant(day, '09:30').toISOString(),
			cause: 'client',
			note
		}
	});
	expect(qualified.status()).toBe(201);
	// Announced a week ahead: excluded. Announced an hour ahead: 48 business hours are due, so it counts.
	const planned = await request.post('/api/v1/clients/globex/maintenance', {
		headers: admin,
		data: {
			components: ['vpn'],
			start: parisInstant(day, '16:00').toISOString(),
			end: parisInstant(day, '16:30').toISOString(),
			title: 'Mise à jour du VPN',
			announcedAt: new Date(parisInstant(day, '16:00').getTime() - 7 * DAY_MS).toISOString()
		}
	});
	expect(await planned.json()).toMatchObject({ compliant: true });
	const late = await request.post('/api/v1/clients/globex/maintenance', {
		headers: admin,
		data: {
			components: ['erp'],
			start: parisInstant(day, '14:00').toISOString(),
			end: parisInstant(day, '14:20').toISOString(),
			title: 'Redémarrage imprévu',
			announcedAt: parisInstant(day, '13:00').toISOString()
		}
	});
	expect(await late.json()).toMatchObject({ compliant: false, reason: 'notice_too_short' });

	const api = await (
		await request.get(`/api/v1/clients/globex/sla?month=${month}`, { headers: admin })
	).json();
	expect(api.met).toBe(false);
	expect(api.downtimeMinutes).toBeGreaterThanOrEqual(90);
	expect(api.credit.amountCents).toBeGreaterThan(0);
	expect(api.exclusions.map((e: { reason: string }) => e.reason)).toEqual(
		expect.arrayContaining(['client', 'maintenance'])
	);

	await signIn(page, 'contact@globex.test');
	await page.goto(`/app/globex/sla?month=${month}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disponibilité et SLA');
	await expect(page.getByTestId('sla-availability')).toHaveAttribute(
		'data-value',
		String(api.availability)
	);
	const shown = new Intl.NumberFormat('fr-FR', {
		minimumFractionDigits: 3,
		maximumFractionDigits: 3
	}).format(api.availability);
	await expect(page.getByTestId('sla-availability')).toContainText(shown);
	await expect(page.getByTestId('sla-met')).toHaveAttribute('data-met', 'false');
	await expect(page.getByTestId('sla-met')).toHaveText('Objectif manqué');
	await expect(page.getByTestId('sla-target')).toContainText('99,85');
	await expect(page.getByTestId('sla-coverage')).toContainText('lun.–ven. 08:00–18:00');

	const credit = page.getByTestId('sla-credit');
	await expect(credit).toHaveAttribute('data-amount-cents', String(api.credit.amountCents));
	await expect(credit).toHaveAttribute('data-percent', String(api.credit.percent));
	// axantis tiers (004 art. 6): 5, 10 or 20 % of the 4 800 € monthly fee.
	expect([24_000, 48_000, 96_000]).toContain(api.credit.amountCents);
	const amount = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(
		api.credit.amountCents / 100
	);
	await expect(credit).toContainText(amount);
	await expect(page.getByTestId('sla-downtime')).toHaveAttribute(
		'data-value',
		String(api.downtimeMinutes)
	);

	const clientRow = page.locator('[data-testid="sla-exclusion"][data-reason="client"]', {
		hasText: note
	});
	await expect(clientRow).toContainText('Cause client');
	await expect(clientRow).toContainText('Comptée comme disponible');
	await expect(clientRow).toContainText('Serveur ERP');
	await expect(clientRow).toHaveAttribute('data-minutes', '30');
	const maintenanceRow = page.locator('[data-testid="sla-exclusion"][data-reason="maintenance"]', {
		hasText: 'Mise à jour du VPN'
	});
	await expect(maintenanceRow).toContainText('Maintenance programmée');
	await expect(maintenanceRow).toContainText('Retirée de la période');
	const ignored = page.locator('[data-testid="sla-ignored"][data-reason="notice_too_short"]', {
		hasText: 'Redémarrage imprévu'
	});
	await expect(ignored).toContainText('Annoncée trop tard');
	await expect(page.getByTestId('sla-formula-numbers')).toContainText(`= ${shown} %`);
	await expect(page.locator('[data-testid="sla-component"][data-key="erp-1"]')).toBeVisible();
	await expect(page.getByTestId('sla-history-chart')).toHaveAttribute('data-points', '12');

	const csv = await page.request.get(`/app/globex/sla/export.csv?month=${month}`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain(note);
	expect(text).toContain(`"${api.availability}"`);

	if (!api.period.complete) {
		// Late in a month the only reachable day may be in the current one: its figure is live, no credit yet.
		await expect(page.getByTestId('sla-live')).toBeVisible();
		await expect(page.getByTestId('sla-request-credit')).toHaveCount(0);
		return;
	}

	await page.getByTestId('sla-request-credit').click();
	await expect(page.getByText("Demande d'avoir envoyée.")).toBeVisible();
	const request_ = page.locator(`[data-testid="credit-request"][data-period="${month}"]`);
	await expect(request_).toHaveAttribute('data-status', 'requested');
	await expect(page.getByTestId('sla-request-credit')).toHaveCount(0);
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');

	const staffContext = await browser.newContext();
	const staff = await staffContext.newPage();
	await signIn(staff, 'staff@demo.test');
	await staff.goto(`/staff/clients/globex/sla?month=${month}`);
	await expect(staff.getByTestId('sla-availability')).toHaveAttribute(
		'data-value',
		String(api.availability)
	);
	const pending = staff.locator(
		`[data-testid="credit-request"][data-period="${month}"][data-status="requested"]`
	);
	await pending
		.getByLabel('Note de décision (facultative)')
		.fill('Avoir émis sur la prochaine facture');
	await pending.getByRole('button', { name: 'Accorder' }).click();
	await expect(
		staff.locator(`[data-testid="credit-request"][data-period="${month}"]`)
	).toHaveAttribute('data-status', 'approved');

	// The contact's page follows without a reload.
	await expect(request_).toHaveAttribute('data-status', 'approved');
	await expect(request_).toContainText('Avoir émis sur la prochaine facture');
	await staffContext.close();
});

test('a viewer reads the report but cannot request the credit', async ({ page }) => {
	await signIn(page, 'viewer@globex.test');
	await page.goto('/app/globex/sla');
	await expect(page.getByRole('link', { name: 'Disponibilité', exact: true })).toBeVisible();
	await expect(page.getByTestId('sla-live')).toBeVisible();
	await expect(page.getByTestId('sla-month-next')).toHaveCount(0);
	await expect(page.getByTestId('sla-request-credit')).toHaveCount(0);
	await page.getByTestId('sla-month-prev').click();
	await expect(page).toHaveURL(/\/app\/globex\/sla\?month=\d{4}-\d{2}$/);
	await expect(page.getByTestId('sla-month-next')).toBeVisible();
});

test('a contract-year client reads each month on its own beside the contract year that the contract judges', async ({
	page,
	request
}) => {
	const now = new Date();
	const thisMonth = parisDate(now).slice(0, 7);
	const shift = (month: string, delta: number) => {
		const [y, m] = month.split('-').map(Number);
		return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
	};
	const last = shift(thisMonth, -1);
	// The demo timeline starts at local midnight 89 days ago: its month is the first with data.
	const first = parisDate(new Date(now.getTime() - 89 * DAY_MS)).slice(0, 7);

	const api = await (
		await request.get(`/api/v1/clients/acme/sla?month=${last}`, { headers: admin })
	).json();
	expect(api.period.kind).toBe('contract_year');
	expect(api.monthFigures).toMatchObject({
		status: 'closed',
		period: { kind: 'month', complete: true }
	});

	await signIn(page, 'admin@acme.test');
	await page.goto(`/app/acme/sla?month=${last}`);
	const own = page.getByTestId('sla-month-figures');
	await expect(own).toHaveAttribute('data-status', 'closed');
	await expect(own).toHaveAttribute('data-start', api.monthFigures.period.start);
	await expect(page.getByTestId('sla-month-status')).toHaveText('Mois terminé');
	await expect(page.getByTestId('sla-month-availability')).toHaveAttribute(
		'data-value',
		String(api.monthFigures.availability)
	);
	await expect(page.getByTestId('sla-year-availability')).toHaveAttribute(
		'data-value',
		String(api.availability)
	);
	await expect(page.getByTestId('sla-year-figures')).toContainText(
		"C'est la période que juge le contrat"
	);
	await expect(page.getByTestId('sla-year-met')).toHaveAttribute('data-met', String(api.met));
	await expect(page.getByTestId('sla-year-period')).toContainText(
		/du \d{1,2} \S+ \d{4} au \d{1,2} \S+ \d{4}/
	);
	// Whole minutes on the page; the exact value stays in the attribute.
	await expect(page.getByTestId('sla-month-coverage-minutes')).toHaveText(/^[\d\s\u202f]+ min$/);
	await expect(page.getByTestId('sla-history-chart')).toHaveAttribute('data-yearly', 'true');
	const bars = await page
		.locator('[data-testid="sla-history-table"] tr[data-month]')
		.evaluateAll((rows) =>
			rows.map((r) => [
				r.getAttribute('data-availability'),
				r.getAttribute('data-contract-availability')
			])
		);
	expect(bars).toHaveLength(12);
	expect(bars.at(-1)).toEqual([String(api.monthFigures.availability), expect.any(String)]);

	const csv = await (await page.request.get(`/app/acme/sla/export.csv?month=${last}`)).text();
	expect(csv).toContain(`"${api.monthFigures.availability}","Mois ${last} (`);
	expect(csv).toContain(`"${api.availability}","Année contractuelle (`);

	// Before the monitoring data: said so, no figure; the month picker stops at the first month with data.
	await page.goto(`/app/acme/sla?month=${shift(first, -1)}`);
	await expect(page.getByTestId('sla-month-no-data')).toBeVisible();
	await expect(page.getByTestId('sla-month-availability')).toHaveCount(0);
	await page.goto(`/app/acme/sla?month=${first}`);
	await expect(page.getByTestId('sla-month-prev')).toHaveCount(0);
	await expect(page.getByTestId('sla-month-next')).toBeVisible();
});

test("an alteo contact sees the month's GTR penalty requests, one decided and one pending (001 §5.2)", async ({
	page
}) => {
	await signIn(page, 'contact@acme.test');
	await page.goto('/app/acme/sla');
	const requests = page.locator('[data-testid="credit-request"][data-basis="gtr"]');
	await expect(requests).toHaveCount(2);
	await expect(
		page.locator('[data-testid="credit-request"][data-status="approved"]')
	).toContainText('Pénalités GTR');
	await expect(page.locator('[data-testid="credit-request"][data-status="requested"]')).toHaveCount(
		1
	);
	// Both months are asked already: nothing more to request.
	await expect(page.getByTestId('sla-request-gtr')).toHaveCount(0);
});
