// Public surface of the mediation rules.
export * from './types';
export * from './rules';
export * from './triage';
export * from './dates';
export * from './access';
export * from './case-state';
export * from './pre-litigation';
export * from './statistics';
export * from './agreement-document';
