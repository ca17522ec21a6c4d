import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { INCIDENT_UPDATE_KINDS } from '../../domain/incidents';
import { csvLine } from '../util/csv';
import { AUDIT_ACTION_WORDS, auditActionInWords, auditChanges, changesInText } from './words';

describe('audit actions in words (004 art. 2, 000 §5: what was done, readable)', () => {
	afterEach(() => overwriteGetLocale(() => 'fr'));

	it('names every incident step the workflow records', () => {
		for (const kind of INCIDENT_UPDATE_KINDS)
			expect(AUDIT_ACTION_WORDS[`incident.${kind}`], kind).toBeTypeOf('function');
	});

	it('speaks the reader’s language and never leaves an unknown action blank', () => {
		overwriteGetLocale(() => 'fr');
		expect(auditActionInWords('contract.updated')).toBe('a modifié le contrat');
		overwriteGetLocale(() => 'en');
		expect(auditActionInWords('contract.updated')).toBe('edited the contract');
		expect(auditActionInWords('backup.received')).toContain('backup.received');
	});
});

describe('before/after as changed fields', () => {
	it('lists a creation field by field', () => {
		expect(auditChanges(null, { key: 'web', public: true })).toEqual([
			{ field: 'key', before: null, after: 'web' },
			{ field: 'public', before: null, after: 'true' }
		]);
	});

	it('keeps only what changed, nested fields by their dotted path', () => {
		const before = { preset: 'alteo', overrides: { sla: { targetPercent: 99.9 } }, fee: 100 };
		const after = { preset: 'alteo', overrides: { sla: { targetPercent: 99.5 } }, fee: 100 };
		expect(auditChanges(before, after)).toEqual([
			{ field: 'overrides.sla.targetPercent', before: '99.9', after: '99.5' }
		]);
	});

	it('shows arrays whole, a removal as after ∅, and long values cut', () => {
		const changes = auditChanges(
			{ components: ['a'], note: 'x'.repeat(500) },
			{ components: ['a', 'b'] }
		);
		expect(changes[0]).toEqual({ field: 'components', before: '["a"]', after: '["a","b"]' });
		expect(changes[1].after).toBeNull();
		expect(changes[1].before!.length).toBe(200);
		expect(changesInText(changes.slice(0, 1))).toBe('components: ["a"] → ["a","b"]');
	});

	it('a scalar before or after an object is shown, not lost', () => {
		expect(auditChanges('old', { a: 1 })).toEqual([
			{ field: '—', before: 'old', after: null },
			{ field: 'a', before: null, after: '1' }
		]);
	});

	it('a formula typed into a changed value stays text in the CSV', () => {
		const text = changesInText(auditChanges({ name: 'Acme' }, { name: '=HYPERLINK("http://x")' }));
		expect(csvLine([text])).toBe('"name: Acme → =HYPERLINK(""http://x"")"');
		expect(csvLine(['=1+1', '@SUM(A1)', '-2', '+3'])).toBe(`"'=1+1","'@SUM(A1)","'-2","'+3"`);
	});
});
