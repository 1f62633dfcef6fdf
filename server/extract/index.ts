/** The extractor: a report in, proposed actors and actions out; computed, never stored. */
export { ActorIndex, type ActorRecord, type Unit } from './actors';
export { extract } from './assemble';
export type { Anchor } from './dates';
