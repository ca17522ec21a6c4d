import type { SlaPageData } from '$lib/server/sla/page';

export type { SlaPageData };
export type SlaFigures = SlaPageData['sla'];
export type SlaReportData = SlaFigures['report'];
export type SlaSources = SlaPageData['sources'];
export type CreditRequestView = SlaPageData['requests'][number];
export type SlaHistoryPoint = SlaPageData['history'][number];
