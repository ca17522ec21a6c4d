/**
 * The /staff/maintenance/new form as publish-many input: components are ticked as
 * `<client slug>/<component key>`, and the clients are those with a component ticked.
 */
import type { PublishManyInput } from './publish-many';

export function publishManyFromForm(data: FormData, publish: boolean) {
	const byClient = new Map<string, string[]>();
	for (const value of data.getAll('components').map(String)) {
		const cut = value.indexOf('/');
		if (cut <= 0) continue;
		const slug = value.slice(0, cut);
		byClient.set(slug, [...(byClient.get(slug) ?? []), value.slice(cut + 1)]);
	}
	const text = (name: string) => String(data.get(name) ?? '');
	return {
		targets: [...byClient].map(([client, components]) => ({ client, components })),
		kind: text('kind') as PublishManyInput['kind'],
		start: text('start'),
		end: text('end'),
		title: text('title'),
		titleEn: text('titleEn'),
		description: text('description'),
		descriptionEn: text('descriptionEn'),
		publish
	};
}
