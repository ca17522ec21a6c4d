import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { signIn } from './helpers';

/**
 * The contract test: every operation of /api/v1/openapi.json gets real requests, and each
 * answer's status must be documented for it and its body must validate against the documented
 * schema. An operation without a sample below fails the test, so a newly documented one is
 * covered. Writes go to a throwaway client, so the other specs' demo data stays as it was.
 */

type Json = Record<string, unknown>;

interface Operation {
	parameters?: { name: string; in: string }[];
	requestBody?: { content: { 'application/json': { schema: Json } } };
	responses: Record<string, { content?: { 'application/json'?: { schema: Json } } }>;
}

interface OpenApi {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Json> };
}

/** One request: values for the path's parameters, a query, a body; `then` reads the answer. */
interface Call {
	params?: Record<string, string>;
	query?: Record<string, string>;
	body?: unknown;
	then?: (body: Json) => void;
}

interface Sample {
	/** Who sends the valid, invalid and unknown-client requests: the admin token, or Initech's contact (session cookie). */
	as?: 'contact';
	/** Valid requests, sent in order: each must succeed as documented. */
	calls: () => Call[];
	/** A request whose body the API refuses (422), for every POST and PATCH. */
	invalid?: () => Call;
	/** Open to anyone (backup report checks): no 401 without a token. */
	public?: true;
}

const admin = { authorization: 'Bearer demo-admin-token' };
const DOC = 'openapi.json';
const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString().slice(0, 10);
const month = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit'
}).format(now);

/** What the samples learn from the answers as they go. */
const state = {
	slug: `contract-${now.toString(36)}`,
	acmeComponent: '',
	initechComponent: '',
	number: '',
	maintenance: '',
	/** A window under way, which the extension sample lengthens. */
	running: '',
	toApprove: '',
	toRefuse: '',
	webhook: '',
	delivery: '',
	/** A backup of the throwaway client (alteo), ingested by the backups sample. */
	backup: '',
	/** Restore requests of it: [worked to completion, quoted then failed, quote refused, cancelled]. */
	restores: [] as string[],
	/** A full export of it, asked for by the exports sample. */
	export: ''
};
const restore = (i: number) => own({ number: state.restores[i] });
const restoreCall = (i: number, body: Json = {}): Call => ({ params: restore(i), body });
const own = (params: Record<string, string> = {}) => ({ slug: state.slug, ...params });
const incident = () => own({ number: state.number });

const samples: [operation: string, sample: Sample][] = [
	[
		'POST /clients',
		{
			calls: () => [
				{
					body: {
						slug: state.slug,
						name: 'Contract test',
						timezone: 'Europe/Paris',
						commissionedAt: '2026-01-01',
						contract: {
							preset: 'alteo',
							monthlyFeeCents: 120_000,
							overrides: { sla: { period: 'month' } }
						}
					}
				}
			],
			invalid: () => ({ body: { slug: 'Not A Slug', name: '', contract: { preset: 'nope' } } })
		}
	],
	[
		'GET /clients',
		{ calls: (): Call[] => [{ query: { search: state.slug } }, { query: { page: '1' } }] }
	],
	['GET /clients/{slug}', { calls: () => [{ params: own() }, { params: { slug: 'acme' } }] }],
	[
		'POST /clients/{slug}/components',
		{
			calls: () => [
				{
					params: own(),
					body: { key: 'web-1', name: 'Web', kind: 'server', expectedIntervalSeconds: 60 }
				},
				{
					params: own(),
					body: { key: 'db-1', name: 'Base', kind: 'database', public: false, slaScope: false }
				}
			],
			invalid: () => ({ params: own(), body: { key: 'Not A Key', name: '', kind: 'spaceship' } })
		}
	],
	[
		'GET /clients/{slug}/components',
		{
			calls: () => [
				{ params: own() },
				{
					params: { slug: 'acme' },
					then: (body) => (state.acmeComponent = (body.components as { key: string }[])[0].key)
				},
				{
					params: { slug: 'initech' },
					then: (body) => (state.initechComponent = (body.components as { key: string }[])[0].key)
				}
			]
		}
	],
	[
		'PATCH /clients/{slug}/components/{key}',
		{
			calls: () => [
				{ params: own({ key: 'web-1' }), body: { name: 'Web 1', expectedIntervalSeconds: 30 } }
			],
			invalid: () => ({ params: own({ key: 'web-1' }), body: { kind: 'spaceship' } })
		}
	],
	[
		'POST /samples',
		{
			calls: () => [
				{
					body: {
						samples: [15, 14, 13, 12].map((minutes, i) => ({
							client: state.slug,
							component: 'web-1',
							at: ago(minutes),
							status: i === 2 ? 'degraded' : 'up',
							latencyMs: 12.5,
							cpuPct: 20 + i,
							ramPct: 40,
							diskPct: 55,
							netInBps: 1000,
							netOutBps: 2000,
							load1: 0.5,
							iowaitPct: 1
						}))
					}
				}
			],
			invalid: () => ({
				body: {
					samples: [{ client: state.slug, component: 'web-1', at: 'yesterday', status: 'up' }]
				}
			})
		}
	],
	[
		'GET /clients/{slug}/status',
		{ calls: () => [{ params: own() }, { params: { slug: 'acme' } }] }
	],
	[
		'GET /clients/{slug}/components/{key}/metrics',
		{
			calls: () => [
				{ params: own({ key: 'web-1' }), query: { from: ago(60), to: ago(0), step: 'minute' } },
				{ params: { slug: 'acme', key: state.acmeComponent } }
			]
		}
	],
	[
		'POST /clients/{slug}/incidents',
		{
			calls: () => [
				{
					params: own(),
					body: {
						severity: 'minor',
						components: ['web-1'],
						title: 'Site lent',
						description: 'Signalé par téléphone.',
						reportedAt: ago(20)
					},
					then: (body) => (state.number = String(body.number))
				}
			],
			invalid: () => ({
				params: own(),
				body: { severity: 'apocalyptic', title: 'x', description: ' ' }
			})
		}
	],
	[
		'GET /clients/{slug}/incidents',
		{
			calls: () => [
				{ params: own() },
				{
					params: own(),
					query: {
						status: 'open',
						severity: 'minor',
						component: 'web-1',
						from: '2026-01-01',
						q: 'INC',
						page: '1'
					}
				},
				{ params: { slug: 'acme' } }
			]
		}
	],
	[
		'POST /clients/{slug}/incidents/{number}/acknowledge',
		{
			calls: () => [
				{ params: incident(), body: { nature: 'Saturation', estimatedResolution: '1 h' } }
			],
			invalid: () => ({ params: incident(), body: { nature: '', estimatedResolution: '' } })
		}
	],
	[
		'POST /clients/{slug}/incidents/{number}/updates',
		{
			calls: () => [
				{ params: incident(), body: { message: 'Note interne', internal: true } },
				{ params: incident(), body: { message: 'Cache en cours de purge.' } }
			],
			invalid: () => ({ params: incident(), body: { message: '   ' } })
		}
	],
	[
		'POST /clients/{slug}/incidents/{number}/resolve',
		{
			calls: () => [{ params: incident(), body: { summary: 'Cache vidé.' } }],
			invalid: () => ({ params: incident(), body: { summary: '' } })
		}
	],
	['GET /clients/{slug}/incidents/{number}', { calls: () => [{ params: incident() }] }],
	[
		// Before the maintenance samples: their events become this webhook's deliveries.
		'POST /clients/{slug}/webhooks',
		{
			calls: () => [
				{
					params: own(),
					body: { url: 'http://127.0.0.1:9/contract-test', events: ['maintenance.*'] },
					then: (body) => (state.webhook = String(body.id))
				}
			],
			invalid: () => ({ params: own(), body: { url: 'ftp://example.com/', events: ['sla.*'] } })
		}
	],
	['GET /clients/{slug}/webhooks', { calls: () => [{ params: own() }] }],
	[
		'POST /clients/{slug}/maintenance',
		{
			calls: () => [
				{
					params: own(),
					body: {
						components: ['web-1'],
						start: ago(-14 * 1440),
						end: ago(-14 * 1440 - 60),
						title: 'Mise à jour noyau'
					},
					then: (body) => (state.maintenance = String(body.id))
				},
				{
					params: own(),
					body: {
						components: ['web-1', 'db-1'],
						start: ago(10),
						end: ago(5),
						title: 'Urgence',
						announcedAt: ago(11)
					}
				},
				{
					params: own(),
					body: {
						components: ['web-1'],
						start: ago(10),
						end: ago(-50),
						title: 'Redémarrage en cours',
						announcedAt: ago(20)
					},
					then: (body) => (state.running = String(body.id))
				},
				{
					params: own(),
					body: {
						components: ['db-1'],
						kind: 'network',
						start: ago(-20 * 1440),
						end: ago(-20 * 1440 - 30),
						title: 'Travaux réseau',
						description: 'Remplacement d’un commutateur.',
						publish: false
					}
				},
				...(['toApprove', 'toRefuse'] as const).map((key, i) => ({
					// 000 §1.4 (Initech, softconcept): over 1 h only with the client's agreement.
					params: { slug: 'initech' },
					body: {
						components: [state.initechComponent],
						start: ago(-(300 + i) * 1440),
						end: ago(-(300 + i) * 1440 - 120),
						title: 'Migration du stockage (contrat OpenAPI)'
					},
					then: (body: Json) => (state[key] = String(body.id))
				}))
			],
			invalid: () => ({
				params: own(),
				body: { components: [], start: 'soon', end: 'later', title: '', kind: 'cosmic' }
			})
		}
	],
	[
		'GET /clients/{slug}/maintenance',
		{
			calls: () => [
				{ params: own() },
				{ params: own(), query: { from: '2026-01-01', to: ago(-30 * 1440), state: 'published' } },
				{ params: { slug: 'initech' }, query: { state: 'published' } }
			]
		}
	],
	[
		'PATCH /clients/{slug}/maintenance/{id}',
		{
			calls: () => [
				{
					params: own({ id: state.maintenance }),
					body: {
						title: 'Mise à jour noyau 6.12',
						start: ago(-15 * 1440),
						end: ago(-15 * 1440 - 45)
					}
				}
			],
			invalid: () => ({ params: own({ id: state.maintenance }), body: { kind: 'cosmic' } })
		}
	],
	[
		'POST /clients/{slug}/maintenance/{id}/extend',
		{
			calls: () => [{ params: own({ id: state.running }), body: { end: ago(-90) } }],
			invalid: () => ({ params: own({ id: state.running }), body: { end: 'later' } })
		}
	],
	[
		'POST /clients/{slug}/maintenance/{id}/approve',
		{
			as: 'contact',
			calls: () => [{ params: { slug: 'initech', id: state.toApprove }, body: { comment: 'OK' } }],
			invalid: () => ({ params: { slug: 'initech', id: state.toApprove }, body: { comment: 42 } })
		}
	],
	[
		'POST /clients/{slug}/maintenance/{id}/refuse',
		{
			as: 'contact',
			calls: () => [
				{ params: { slug: 'initech', id: state.toRefuse }, body: { comment: 'Pas cette semaine' } }
			],
			invalid: () => ({ params: { slug: 'initech', id: state.toRefuse }, body: {} })
		}
	],
	[
		'POST /clients/{slug}/maintenance/{id}/cancel',
		{
			calls: () => [
				{ params: own({ id: state.maintenance }), body: { reason: 'Reportée' } },
				// Initech's demo calendar keeps no trace but cancelled windows of this test.
				...[state.toApprove, state.toRefuse].map((id) => ({
					params: { slug: 'initech', id },
					body: { reason: 'Fenêtre du test de contrat' }
				}))
			],
			invalid: () => ({ params: own({ id: state.maintenance }), body: { reason: '' } })
		}
	],
	[
		'POST /clients/{slug}/backups',
		{
			calls: () => [
				{
					params: own(),
					body: {
						externalId: `contract-run-${now}`,
						component: 'web-1',
						kind: 'incremental',
						startedAt: ago(20),
						finishedAt: ago(19),
						status: 'succeeded',
						sizeBytes: 4096,
						changedBytes: 100,
						copies: [{ site: 'Lyon DC2', country: 'FR' }],
						files: [{ path: '/srv/app/data.db', modifiedAt: ago(30), sizeBytes: 4096 }]
					},
					then: (body) => (state.backup = String(body.id))
				}
			],
			invalid: () => ({
				params: own(),
				body: {
					externalId: 'bad',
					component: 'web-1',
					kind: 'differential',
					startedAt: ago(20),
					finishedAt: ago(19),
					status: 'succeeded',
					sizeBytes: -1,
					copies: [],
					files: []
				}
			})
		}
	],
	[
		'GET /clients/{slug}/backups',
		{ calls: () => [{ params: own(), query: { status: 'succeeded' } }] }
	],
	['GET /clients/{slug}/backups/{id}', { calls: () => [{ params: own({ id: state.backup }) }] }],
	[
		'GET /clients/{slug}/backups/{id}/files',
		{ calls: () => [{ params: own({ id: state.backup }), query: { search: 'data', page: '1' } }] }
	],
	[
		'GET /clients/{slug}/backups/{id}/report',
		{ calls: () => [{ params: own({ id: state.backup }) }] }
	],
	['GET /backup-reports/public-key', { public: true, calls: () => [{}] }],
	[
		'POST /backup-reports/verify',
		{
			public: true,
			calls: () => [{ body: { report: 'portal-backup-report/1\n', authenticationKey: 'x' } }],
			invalid: () => ({ body: { report: '' } })
		}
	],
	[
		'POST /clients/{slug}/qualifications',
		{
			calls: () => [
				{
					params: own(),
					body: {
						component: 'web-1',
						start: ago(14),
						end: ago(13),
						cause: 'client',
						note: 'Erreur de manipulation'
					}
				}
			],
			invalid: () => ({
				params: own(),
				body: { component: 'web-1', start: ago(14), end: ago(13), cause: 'bad_luck', note: '' }
			})
		}
	],
	[
		'GET /clients/{slug}/sla',
		{
			calls: () => [
				{ params: own() },
				{ params: own(), query: { month, recompute: '1' } },
				{ params: { slug: 'acme' } }
			]
		}
	],
	[
		'GET /clients/{slug}/webhooks/{webhook}/deliveries',
		{
			calls: () => [
				{
					params: own({ webhook: state.webhook }),
					then: (body) => (state.delivery = String((body.items as Json[])[0]?.id ?? ''))
				},
				{ params: own({ webhook: state.webhook }), query: { page: '2' } }
			]
		}
	],
	[
		'POST /clients/{slug}/webhooks/{webhook}/deliveries/{delivery}/replay',
		{
			calls: () => [
				{ params: own({ webhook: state.webhook, delivery: state.delivery }), body: {} }
			],
			invalid: () => ({
				params: own({ webhook: state.webhook, delivery: state.delivery }),
				body: { force: true }
			})
		}
	],
	[
		'POST /clients/{slug}/restores',
		{
			// alteo (001 §4.5): a file is restored free, a folder or a database on a quote.
			calls: () =>
				(['file', 'database', 'folder', 'file'] as const).map((scope, i) => ({
					params: own(),
					body: {
						backupId: state.backup,
						scope,
						target: `/srv/contract-test/${i}`,
						confirmDataLoss: true,
						...(i === 0 ? { note: 'Fichier écrasé.' } : {})
					},
					then: (body: Json) => (state.restores[i] = String(body.number))
				})),
			invalid: () => ({
				params: own(),
				body: { backupId: state.backup, scope: 'disk', target: '', confirmDataLoss: false }
			})
		}
	],
	[
		'DELETE /clients/{slug}/webhooks/{webhook}',
		{ calls: () => [{ params: own({ webhook: state.webhook }) }] }
	],
	[
		'GET /clients/{slug}/restores',
		{
			calls: () => [
				{ params: own() },
				{
					params: own(),
					query: {
						status: 'filed',
						component: 'web-1',
						from: '2026-01-01',
						to: '2100-01-01',
						page: '1'
					}
				},
				{ params: { slug: 'acme' } }
			]
		}
	],
	['GET /clients/{slug}/restores/{number}', { calls: () => [{ params: restore(0) }] }],
	[
		'POST /clients/{slug}/restores/{number}/accept',
		{
			calls: () => [restoreCall(0, { message: 'Pris en charge.' })],
			invalid: () => restoreCall(0, { message: 42 })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/schedule',
		{
			calls: () => [restoreCall(0, { at: ago(-60), message: 'Ce soir.' })],
			invalid: () => restoreCall(0, { at: 'tonight' })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/progress',
		{
			calls: () => [restoreCall(0, { percent: 50 })],
			invalid: () => restoreCall(0, { percent: 150 })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/complete',
		{
			calls: () => [restoreCall(0, { verification: 'Fichier vérifié avec le client.' })],
			invalid: () => restoreCall(0, { verification: '' })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/quote',
		{
			calls: () => [
				restoreCall(1, { amountCents: 45_000, note: 'Base de données.' }),
				restoreCall(2, { amountCents: 30_000, note: 'Dossier.' })
			],
			invalid: () => restoreCall(1, { amountCents: -5, note: '' })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/approve-quote',
		{
			calls: () => [restoreCall(1, { comment: 'Bon pour accord (courriel).' })],
			invalid: () => restoreCall(1, { comment: 42 })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/fail',
		{
			calls: () => [restoreCall(1, { reason: 'Sauvegarde illisible.' })],
			invalid: () => restoreCall(1, { reason: '' })
		}
	],
	[
		'POST /clients/{slug}/restores/{number}/refuse-quote',
		{ calls: () => [restoreCall(2)], invalid: () => restoreCall(2, { comment: 42 }) }
	],
	[
		'POST /clients/{slug}/restores/{number}/cancel',
		{ calls: () => [restoreCall(3)], invalid: () => restoreCall(3, { comment: 42 }) }
	],
	[
		'POST /clients/{slug}/exports',
		{
			calls: () => [
				{ params: own(), body: {}, then: (body: Json) => (state.export = String(body.id)) }
			],
			invalid: () => ({ params: own(), body: { format: 'xml' } })
		}
	],
	['GET /clients/{slug}/exports', { calls: () => [{ params: own() }] }],
	[
		'POST /clients/{slug}/end-of-contract',
		{
			calls: () => [{ params: own(), body: { endsOn: inDays(60) } }],
			invalid: () => ({ params: own(), body: { endsOn: '2026-02-30' } })
		}
	],
	['GET /clients/{slug}/end-of-contract', { calls: () => [{ params: own() }] }],
	['DELETE /clients/{slug}/end-of-contract', { calls: () => [{ params: own() }] }],
	['GET /clients/{slug}/exports/{id}', { calls: () => [{ params: own({ id: state.export }) }] }]
];

/** Validators for the document's schemas; its "#/components/schemas/…" references resolve within it. */
function validators(doc: OpenApi) {
	const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
	addFormats(ajv);
	ajv.addKeyword('components');
	ajv.addSchema({ $id: DOC, components: doc.components });
	const compiled = new Map<string, ValidateFunction>();
	return (schema: Json) => {
		const text = JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOC}#/`);
		let validate = compiled.get(text);
		if (!validate) compiled.set(text, (validate = ajv.compile(JSON.parse(text))));
		return {
			valid: (value: unknown) => validate(value),
			errors: () => ajv.errorsText(validate.errors, { dataVar: 'body' })
		};
	};
}

function pathOf(template: string, params: Record<string, string> = {}) {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		if (!value) throw new Error(`no value for {${name}} in ${template}`);
		return encodeURIComponent(value);
	});
}

async function send(
	request: APIRequestContext,
	method: string,
	template: string,
	call: Call,
	headers: Record<string, string>
) {
	const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
	return request.fetch(`/api/v1${pathOf(template, call.params)}${query}`, {
		method: method.toUpperCase(),
		headers,
		...(call.body === undefined ? {} : { data: call.body })
	});
}

test('every documented operation answers with a documented status and body', async ({
	request,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const contactPage = await browser.newPage();
	await signIn(contactPage, 'contact@initech.test');
	/** Cookie-authenticated writes carry their Origin (hooks.server.ts refuses them otherwise). */
	const senders = {
		admin: { request, headers: admin },
		contact: { request: contactPage.request, headers: { origin: new URL(baseURL!).origin } }
	};
	const docResponse = await request.get('/api/v1/openapi.json');
	expect(docResponse.status()).toBe(200);
	const doc = (await docResponse.json()) as OpenApi;
	const schema = validators(doc);

	const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
		Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)
	);
	const sampled = samples.map(([operation]) => operation);
	expect(
		documented.filter((op) => !sampled.includes(op)),
		'documented operations without a sample request'
	).toEqual([]);
	expect(
		sampled.filter((op) => !documented.includes(op)),
		'samples of operations the document does not have'
	).toEqual([]);
	expect(new Set(sampled).size, 'one sample entry per operation').toBe(sampled.length);

	/** The answer's status is documented for the operation, and its body validates against that status's schema. */
	async function expectDocumented(label: string, op: Operation, response: APIResponse) {
		const status = String(response.status());
		const text = await response.text();
		expect(
			Object.keys(op.responses),
			`${label}: status ${status} is not documented (${text.slice(0, 300)})`
		).toContain(status);
		const documentedSchema = op.responses[status].content?.['application/json']?.schema;
		expect(documentedSchema, `${label}: no JSON schema for ${status}`).toBeDefined();
		expect(response.headers()['content-type'], label).toContain('application/json');
		const body = JSON.parse(text) as Json;
		const check = schema(documentedSchema!);
		expect(check.valid(body), `${label}: ${check.errors()}\n${text.slice(0, 2000)}`).toBe(true);
		return body;
	}

	for (const [operation, sample] of samples) {
		const [method, template] = operation.split(' ');
		const op = doc.paths[template][method.toLowerCase()];
		await test.step(operation, async () => {
			const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
			const hasBody = method === 'POST' || method === 'PATCH';
			const by = senders[sample.as ?? 'admin'];
			if (hasBody) expect(sample.invalid, `${operation}: an invalid body to send`).toBeDefined();

			if (sample.invalid) {
				const refused = await send(by.request, method, template, sample.invalid(), by.headers);
				expect(refused.status(), `${operation} with an invalid body`).toBe(422);
				const body = await expectDocumented(`${operation} (invalid body)`, op, refused);
				expect((body.error as Json).code).toBe('invalid');
			}

			const calls = sample.calls();
			expect(calls.length, `${operation}: at least one valid request`).toBeGreaterThan(0);
			for (const [i, call] of calls.entries()) {
				const label = `${operation} #${i + 1}`;
				for (const name of Object.keys(call.query ?? {}))
					expect(queryNames, `${label}: query parameter ${name} is not documented`).toContain(name);
				if (call.body !== undefined) {
					const requestSchema = op.requestBody?.content['application/json'].schema;
					expect(requestSchema, `${label}: the document has no request body`).toBeDefined();
					const check = schema(requestSchema!);
					expect(
						check.valid(call.body),
						`${label}: the document refuses the sample body: ${check.errors()}`
					).toBe(true);
				}
				const response = await send(by.request, method, template, call, by.headers);
				expect(response.status(), `${label}: ${await response.text()}`).toBeLessThan(300);
				const body = await expectDocumented(label, op, response);
				call.then?.(body);
			}

			const [first] = calls;
			if (!sample.public) {
				const anonymous = await send(request, method, template, first, {});
				expect(anonymous.status(), `${operation} without a token`).toBe(401);
				await expectDocumented(`${operation} (no token)`, op, anonymous);
			}

			if (template.includes('{slug}')) {
				const missing = await send(
					by.request,
					method,
					template,
					{ ...first, params: { ...first.params, slug: 'no-such-client' } },
					by.headers
				);
				expect(missing.status(), `${operation} on an unknown client`).toBe(404);
				await expectDocumented(`${operation} (unknown client)`, op, missing);
			}
		});
	}
});
