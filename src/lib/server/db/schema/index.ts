export * from './auth';
export * from './tenancy';
export * from './audit';
export * from './live';
export * from './status';
export * from './incidents';
export * from './maintenance';
export * from './sla';
