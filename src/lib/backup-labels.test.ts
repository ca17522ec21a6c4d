import { describe, expect, it } from 'vitest';
import { formatBytes } from './intl';
import { PRESETS } from '$lib/server/contracts/presets';
import { flagText, formatByteCount, formatDuration, scheduleText } from './backup-labels';

describe('backup labels', () => {
	it('says a contract schedule in words (001 §4.5: databases daily at 22:00, 28 days)', () => {
		const [databases] = PRESETS.alteo.backups.schedules;
		expect(scheduleText(databases, 'fr', PRESETS.alteo.backups.retentionDays)).toBe(
			`Complète (données), chaque jour à 22:00 (bases de données), conservée ${databases.retentionDays ?? PRESETS.alteo.backups.retentionDays} jours`
		);
	});

	it('names the weekday of a weekly schedule (dobaas: full every Sunday at 02:00)', () => {
		const sunday = PRESETS.dobaas.backups.schedules[1];
		expect(scheduleText(sunday, 'fr', 30)).toBe(
			'Complète (système et données), chaque semaine le dimanche à 02:00, conservée 30 jours'
		);
	});

	it('a schedule without a time is due any time of its period (000 §1.8)', () => {
		const [monthly] = PRESETS.softconcept.backups.schedules;
		expect(scheduleText(monthly, 'fr', 7)).toContain('chaque mois à un moment quelconque');
	});

	it('formats sizes in decimal units and exact byte counts', () => {
		expect(formatBytes(999, 'fr')).toBe('999 o');
		expect(formatBytes(40_000_000_000, 'fr')).toBe('40 Go');
		expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
		expect(formatBytes(23_400_000, 'en')).toBe('23.4 MB');
		expect(formatByteCount(8_004_096, 'en')).toBe('8,004,096');
	});

	it('formats durations', () => {
		expect(formatDuration(40)).toBe('40 s');
		expect(formatDuration(12 * 60)).toBe('12 min');
		expect(formatDuration(95 * 60)).toBe('1 h 35 min');
	});

	it('gives each flag its clause (003 art. 4.05, 003 art. 3, 000 §1.8)', () => {
		expect(
			flagText(
				{
					flag: 'change_over_limit',
					clause: '003 art. 4.05',
					detail: { changePercent: 7.2, limitPercent: 5 }
				},
				'fr'
			)
		).toBe(
			'Changement de 7,2 % depuis la sauvegarde précédente, au-delà des 5 % prévus (003 art. 4.05)'
		);
		expect(
			flagText(
				{ flag: 'location', clause: '003 art. 3', detail: { countries: 'DE', allowed: 'FR' } },
				'fr'
			)
		).toBe('Copie hors des pays autorisés : DE (autorisés : FR) (003 art. 3)');
		expect(
			flagText(
				{ flag: 'site_count', clause: '000 §1.8, 004 art. 3.5', detail: { sites: 0, required: 1 } },
				'fr'
			)
		).toContain('(000 §1.8, 004 art. 3.5)');
	});
});
