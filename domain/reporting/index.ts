export * from './rules';
export * from './vote';
export * from './rating';
export * from './schedule';
export * from './stages';
export * from './access';
