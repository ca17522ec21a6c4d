/** The product's shared vocabulary: constants only, imported by the schema, the inputs, the labels and the browser. */
export * from './roles';
export * from './status';
export * from './incidents';
export * from './sla';
export * from './backups';
export * from './restores';
