import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

type Marked = { marker?: number };
const INGEST = { authorization: 'Bearer demo-ingest-token' };

test('an ingested backup is mailed, shows live, verifies, and a contact restores from it; the client follows each step live', async ({
	browser,
	request
}) => {
	// Two people, a restore worked through: longer than one page's default budget on a loaded machine.
	test.setTimeout(120_000);
	const contact = await (await browser.newContext()).newPage();
	const staff = await (await browser.newContext()).newPage();
	await signIn(contact, 'contact@initech.test');
	await contact.goto('/app/initech/backups');
	await expect(contact.getByRole('heading', { level: 1, name: 'Sauvegardes' })).toBeVisible();
	await expect(contact.getByTestId('backup-machine').first()).toBeVisible();
	await expect(contact.getByTestId('live-indicator')).toHaveText('En direct');
	await contact.evaluate(() => ((window as Marked).marker = 7));

	// Initech (softconcept, 000 §1.8): an incremental of srv-1, copied to a second site in France.
	const finished = new Date(Date.now() - 20 * 60_000);
	const files = Array.from({ length: 120 }, (_, i) => ({
		path: `/srv/dossiers/lot-${String(i).padStart(3, '0')}.dat`,
		modifiedAt: finished.toISOString(),
		sizeBytes: 1000 + i
	}));
	files.push({
		path: '/srv/dossiers/patients.db',
		modifiedAt: finished.toISOString(),
		sizeBytes: 4096
	});
	const ingested = await request.post('/api/v1/clients/initech/backups', {
		headers: INGEST,
		data: {
			externalId: `e2e-backup-${Date.now()}`,
			component: 'srv-1',
			kind: 'incremental',
			startedAt: new Date(finished.getTime() - 12 * 60_000).toISOString(),
			finishedAt: finished.toISOString(),
			status: 'succeeded',
			sizeBytes: 50_000,
			changedBytes: 100,
			copies: [{ site: 'Lyon', country: 'FR' }],
			files
		}
	});
	expect(ingested.status()).toBe(201);
	const { id, authenticationKey } = (await ingested.json()) as {
		id: string;
		authenticationKey: string;
	};

	// The reception report is in the outbox, with its key (002 art. 7.2).
	await signIn(staff, 'staff@demo.test');
	await staff.goto('/staff/outbox');
	await expect(
		staff.getByTestId('outbox-mail').filter({ hasText: authenticationKey }).first()
	).toContainText('Rapport de réception de sauvegarde : Serveur applicatif');

	// The backup appears on the client's page without a reload.
	const row = contact.locator(`tr[data-id="${id}"]`);
	await expect(row).toBeVisible({ timeout: 15_000 });
	await expect(row.getByTestId('backup-retention')).toHaveText('Dans la rétention et restaurable');
	expect(await contact.evaluate(() => (window as Marked).marker)).toBe(7);

	await row.getByRole('link').click();
	await expect(contact).toHaveURL(new RegExp(`/app/initech/backups/${id}$`));
	await expect(contact.getByTestId('backup-key')).toHaveText(authenticationKey);
	await expect(contact.getByTestId('backup-mail')).toContainText('contact@initech.test');
	await expect(contact.getByTestId('backup-files').locator('tbody tr')).toHaveCount(50);

	await contact.getByLabel('Rechercher un fichier').fill('patients');
	await contact.getByRole('button', { name: 'Rechercher', exact: true }).click();
	await expect(contact.getByTestId('file-matches')).toHaveText('1 fichier(s) trouvé(s)');
	await expect(contact.getByTestId('backup-files').locator('tbody tr')).toHaveCount(1);
	await expect(contact.getByTestId('backup-files')).toContainText('/srv/dossiers/patients.db');
	await expect(contact.getByTestId('backup-files')).toContainText('4 096');

	await contact.getByTestId('verify-report').click();
	await expect(contact.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true');

	const report = await contact.request.get(
		`/api/v1/clients/initech/backups/${id}/report?format=text`
	);
	expect(report.status()).toBe(200);
	expect(await report.text()).toContain('/srv/dossiers/patients.db');

	// A restore of this very backup: the request form comes with it chosen.
	await contact.getByTestId('restore-this-backup').click();
	await expect(contact).toHaveURL(new RegExp(`/app/initech/restores/new\\?backup=${id}$`));
	await expect(contact.getByLabel('Point de restauration', { exact: true })).toHaveValue(id);
	await contact.getByLabel('Que restaurer ?').selectOption('file');
	await contact.getByLabel('Cible', { exact: true }).fill('/srv/dossiers/patients.db');
	await contact.getByLabel(/Je confirme que toutes les données/).check();
	await contact.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(contact).toHaveURL(/\/app\/initech\/restores\/RST-\d{4}-\d{5}$/);
	const number = (await contact.getByTestId('restore-number').textContent())!.trim();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'filed');
	await expect(contact.getByTestId('live-indicator')).toHaveText('En direct');
	await contact.evaluate(() => ((window as Marked).marker = 42));

	await staff.goto('/staff/restores');
	await staff.locator(`tr[data-number="${number}"]`).getByRole('link', { name: number }).click();
	await staff.getByRole('button', { name: 'Accepter la demande' }).click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'accepted');

	await staff.getByLabel('Avancement (%)').fill('50');
	await staff.getByTestId('progress-restore').click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'in_progress');
	await expect(contact.getByTestId('restore-percent')).toHaveAttribute('data-percent', '50');

	await staff.getByLabel('Vérification faite avec le client').fill('Fichier restauré et ouvert.');
	await staff.getByTestId('complete-restore').click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'completed');
	await expect(contact.getByTestId('restore-verification')).toHaveText(
		'Fichier restauré et ouvert.'
	);
	expect(await contact.evaluate(() => (window as Marked).marker)).toBe(42);
});

test('the machines show their schedule, next backup and problems first; filters keep the choice', async ({
	page
}) => {
	await signIn(page, 'viewer@initech.test');
	await page.goto('/app/initech/backups');
	const first = page.getByTestId('backup-machine').first();
	await expect(first.getByTestId('backup-next-expected')).toContainText(
		'Prochaine sauvegarde attendue'
	);
	await expect(page.getByTestId('backup-chart-size')).toBeVisible();
	await expect(
		page.getByTestId('backup-chart-size-table').locator('tbody tr').first()
	).toBeAttached();
	// The demo left one slot missing three days ago on the first server (demo/backups.ts).
	await expect(
		page.getByTestId('backup-problem').filter({ hasText: 'manquante' }).first()
	).toBeVisible();

	await page.getByLabel('Type').selectOption('full');
	await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
	await expect(page).toHaveURL(/kind=full/);
	await expect(page.getByLabel('Type')).toHaveValue('full');
	await expect(page.getByTestId('backup-list')).toContainText('Complète (système et données)');
	await expect(page.getByTestId('backup-list')).not.toContainText('Incrémentale');
	// A viewer may not request a restore (002 art. 7.3).
	await page.getByTestId('backup-list').locator('tbody tr').first().getByRole('link').click();
	await expect(page.getByTestId('backup-key')).toBeVisible();
	await expect(page.getByTestId('restore-this-backup')).toHaveCount(0);
});

test('staff see every client’s backup problems first, then recent backups, by client', async ({
	page
}) => {
	await signIn(page, 'operator@demo.test');
	await page.goto('/staff/backups');
	await expect(
		page.getByTestId('staff-backup-problems').locator('tbody tr').first()
	).toHaveAttribute('data-kind', 'missing');
	await page.getByLabel('Client').selectOption('globex');
	await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
	await expect(page).toHaveURL(/client=globex/);
	const recent = page.getByTestId('staff-backup-recent').locator('tbody tr');
	await expect(recent.first()).toHaveAttribute('data-client', 'globex');
	await recent.first().getByRole('link', { name: 'Globex Logistique' }).click();
	await expect(page).toHaveURL(/\/app\/globex\/backups$/);
});

test('the SLA page and its API give the month’s backup compliance beside the SLA', async ({
	page,
	request
}) => {
	await signIn(page, 'admin@acme.test');
	await page.goto('/app/acme/sla');
	const total = page.getByTestId('backup-compliance-total');
	await expect(total).toContainText('attendue(s)');
	const expected = Number(await total.getAttribute('data-expected'));
	expect(expected).toBeGreaterThan(0);
	const api = await request.get('/api/v1/clients/acme/sla', {
		headers: { authorization: 'Bearer demo-admin-token' }
	});
	expect(api.status()).toBe(200);
	const { backupCompliance } = await api.json();
	expect(backupCompliance.total.expected).toBeGreaterThanOrEqual(expected);
	expect(backupCompliance.machines.length).toBeGreaterThan(0);
});
