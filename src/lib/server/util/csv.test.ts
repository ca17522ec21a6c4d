import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('register CSV (002 art. 4.2: the client keeps its own register)', () => {
	it('quotes every cell and doubles quotes', () => {
		expect(csvLine(['INC-2026-00001', 'Panne "totale"', null])).toBe(
			'"INC-2026-00001","Panne ""totale""",""'
		);
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell('-1')).toBe('"\'-1"');
		expect(csvCell('Serveur')).toBe('"Serveur"');
	});
});
