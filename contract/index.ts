export * from './vocabulary';
export * from './dates';
export * from './schemas';
export * from './validate';
export * from './records';
export * from './filters';
export * from './search';
