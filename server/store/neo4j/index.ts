export { Neo4jStore } from './store';
