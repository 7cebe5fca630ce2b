export * from './terms';
export * from './rules';
export * from './vote';
export * from './rating';
export * from './schedule';
export * from './stages';
export * from './state';
export * from './access';
