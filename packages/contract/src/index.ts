// @repere/contract: the types and rules the API, the workers, the web app and the resident page share. Pure
// TypeScript without dependencies: change a kind, a status or a rule here and every side follows or fails to build.
export * from './answers';
export * from './dates';
export * from './errors';
export * from './evaluations';
export * from './evidence';
export * from './imports';
export * from './indicators';
export * from './networks';
export * from './plans';
export * from './progress';
export * from './questions';
export * from './roles';
