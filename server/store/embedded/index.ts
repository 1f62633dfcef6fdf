export { EmbeddedStore, type EmbeddedOptions } from './store';
