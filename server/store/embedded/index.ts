export { EmbeddedStore } from './store';
