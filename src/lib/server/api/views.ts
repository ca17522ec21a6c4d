import type { Client, Component } from '../db/schema';

/** The API's public shapes: no internal ids. */
export const clientView = (c: Client) => ({
	slug: c.slug,
	name: c.name,
	timezone: c.timezone,
	commissionedAt: c.commissionedAt?.toISOString() ?? null,
	createdAt: c.createdAt.toISOString()
});

export const componentView = (c: Component) => ({
	key: c.key,
	name: c.name,
	kind: c.kind,
	public: c.public,
	expectedIntervalSeconds: c.expectedIntervalSeconds,
	slaScope: c.slaScope
});
