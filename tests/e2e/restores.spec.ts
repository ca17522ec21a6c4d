import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

type Marked = { marker?: number };
const INGEST = { authorization: 'Bearer demo-ingest-token' };

test('a contact requests a restore of an ingested backup; staff accept and complete it; the client sees each step live', async ({
	browser,
	request
}) => {
	// Two people, a restore worked through: it takes about 30 s alone on a loaded machine.
	test.setTimeout(120_000);
	// Initech (softconcept, 000 §1.8): an incremental is restored within 24 h, server stopped.
	const finished = new Date(Date.now() - 30 * 60_000);
	const ingested = await request.post('/api/v1/clients/initech/backups', {
		headers: INGEST,
		data: {
			externalId: `e2e-restore-${Date.now()}`,
			component: 'srv-1',
			kind: 'incremental',
			startedAt: new Date(finished.getTime() - 10 * 60_000).toISOString(),
			finishedAt: finished.toISOString(),
			status: 'succeeded',
			sizeBytes: 4096,
			changedBytes: 100,
			copies: [
				{ site: 'Paris', country: 'FR' },
				{ site: 'Lyon', country: 'FR' }
			],
			files: [
				{ path: '/srv/dossiers/patients.db', modifiedAt: finished.toISOString(), sizeBytes: 4096 }
			]
		}
	});
	expect(ingested.status()).toBe(201);
	const backupId = String((await ingested.json()).id);

	const contact = await (await browser.newContext()).newPage();
	const staff = await (await browser.newContext()).newPage();
	await signIn(contact, 'contact@initech.test');
	await contact.goto('/app/initech/restores/new');
	await contact.getByRole('button', { name: 'Envoyer la demande' }).click();
	// Nothing chosen: the form names each missing field and keeps its place.
	await expect(
		contact.getByText('Choisissez un point de restauration parmi vos sauvegardes restaurables.')
	).toBeVisible();
	await contact.getByLabel('Cible', { exact: true }).fill('/srv/dossiers');
	await contact.getByLabel('Point de restauration', { exact: true }).selectOption(backupId);
	await contact.getByLabel('Que restaurer ?').selectOption('folder');
	const preview = contact.getByTestId('preview-terms');
	await expect(preview.getByTestId('terms-deadline')).toContainText(
		'Délai contractuel : au plus tard le'
	);
	await expect(preview.getByTestId('terms-server')).toHaveText(
		"Le serveur sera arrêté pendant l'opération."
	);
	await expect(preview.getByTestId('terms-billing')).toHaveText(
		'Restauration comprise dans le contrat.'
	);
	await contact.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(
		contact.getByText(
			'Confirmez que les données postérieures au point de restauration seront perdues.'
		)
	).toBeVisible();
	await expect(contact.getByLabel('Cible', { exact: true })).toHaveValue('/srv/dossiers');
	await contact.getByLabel('Point de restauration', { exact: true }).selectOption(backupId);
	await contact.getByLabel('Que restaurer ?').selectOption('folder');
	await contact.getByLabel(/Je confirme que toutes les données/).check();
	await contact.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(contact).toHaveURL(/\/app\/initech\/restores\/RST-\d{4}-\d{5}$/);
	const number = (await contact.getByTestId('restore-number').textContent())!.trim();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'filed');
	await expect(contact.getByTestId('restore-deadline')).toHaveAttribute('data-state', 'on_track');
	await expect(contact.getByTestId('restore-deadline-countdown')).toContainText('reste');
	await expect(contact.getByTestId('live-indicator')).toHaveText('En direct');
	await contact.evaluate(() => ((window as Marked).marker = 42));

	await signIn(staff, 'operator@demo.test');
	await staff.goto('/staff/restores');
	await staff.locator(`tr[data-number="${number}"]`).getByRole('link', { name: number }).click();
	await staff.getByRole('button', { name: 'Accepter la demande' }).click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'accepted');

	await staff.getByLabel('Avancement (%)').fill('60');
	await staff.getByTestId('progress-restore').click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'in_progress');
	await expect(contact.getByTestId('restore-percent')).toHaveAttribute('data-percent', '60');

	await staff
		.getByLabel('Vérification faite avec le client')
		.fill('Dossier restauré, contrôlé par téléphone.');
	await staff.getByTestId('complete-restore').click();
	await expect(contact.getByTestId('restore-status')).toHaveAttribute('data-status', 'completed');
	await expect(contact.getByTestId('restore-verification')).toHaveText(
		'Dossier restauré, contrôlé par téléphone.'
	);
	await expect(contact.getByTestId('restore-deadline')).toHaveAttribute('data-state', 'met');
	await expect(contact.getByTestId('restore-timeline').getByTestId('timeline-entry')).toHaveCount(
		4
	);
	expect(await contact.evaluate(() => (window as Marked).marker)).toBe(42);

	await contact.goto('/app/initech/restores');
	await expect(contact.locator(`tr[data-number="${number}"]`)).toHaveAttribute(
		'data-status',
		'completed'
	);
});

test('a viewer sees the register and the last restore test, but no request form', async ({
	page
}) => {
	await signIn(page, 'viewer@initech.test');
	await page.goto('/app/initech/restores');
	await expect(page.getByTestId('viewer-restore-note')).toBeVisible();
	await expect(page.getByTestId('new-restore')).toHaveCount(0);
	await expect(page.getByTestId('last-restore-test')).toBeVisible();
	await page.goto('/app/initech/restores/new');
	await expect(page.getByTestId('restore-refused')).toBeVisible();
});
