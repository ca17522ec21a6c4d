import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { INCIDENT_UPDATE_KINDS } from '../../domain/incidents';
import { RESTORE_UPDATE_KINDS } from '../../domain/restores';
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
		expect(auditActionInWords('legacy.thing')).toContain('legacy.thing');
	});
});

const SERVER = fileURLToPath(new URL('..', import.meta.url));

/** What a templated action code may become: its prefix, then each value the variable takes. */
const TEMPLATED: Record<string, readonly string[]> = {
	'incident.': INCIDENT_UPDATE_KINDS,
	'restore.': RESTORE_UPDATE_KINDS,
	'maintenance.': ['created', 'updated', 'cancelled', 'approved', 'refused'],
	'credit.': ['approved', 'refused'],
	'user.second_factor_': ['totp', 'recovery']
};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

/**
 * Every action code passed to recordAudit in src/lib/server, templates expanded; a call whose
 * code this scan cannot read (a variable, an unknown template) is listed apart, so it fails too.
 */
function writtenActionCodes(): { codes: string[]; unreadable: string[] } {
	const codes: string[] = [];
	const unreadable: string[] = [];
	for (const file of sourceFiles(SERVER)) {
		if (file.endsWith(join('audit', 'audit.ts'))) continue;
		const text = readFileSync(file, 'utf8');
		for (const call of text.matchAll(/recordAudit\(/g)) {
			const value = /action:\s*([^,\n]+)/.exec(text.slice(call.index, call.index + 600))?.[1] ?? '';
			const found = [...value.matchAll(/'([a-z_]+\.[a-z_-]+)'/g)].map((l) => l[1]);
			for (const template of value.matchAll(/`([^`$]*)\$\{/g))
				found.push(...(TEMPLATED[template[1]] ?? []).map((v) => template[1] + v));
			if (found.length === 0) unreadable.push(`${file}: ${value || '(no action)'}`);
			codes.push(...found);
		}
	}
	return { codes, unreadable };
}

describe('every action the portal writes has its words', () => {
	it('finds the action codes written in src/lib/server (the scan itself works)', () => {
		const { codes } = writtenActionCodes();
		expect(codes).toContain('contract.updated');
		expect(codes).toContain('incident.closed');
		expect(codes).toContain('restore.approve-quote');
		expect(codes).toContain('calendar_feed.regenerated');
	});

	it('names each of them in words, none shown as its code', () => {
		const { codes, unreadable } = writtenActionCodes();
		expect(unreadable, 'a templated code: add its values to TEMPLATED').toEqual([]);
		expect(codes.filter((code) => !AUDIT_ACTION_WORDS[code])).toEqual([]);
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
