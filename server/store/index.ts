/** Opens the configured store: Neo4j when NEO4J_URI is set, the embedded store otherwise. */
import type { Config } from '../config';
import type { Logger } from '../logger';
import { EmbeddedStore } from './embedded';
import { Neo4jStore } from './neo4j';
import type { GraphStore } from './types';

export async function openStore(config: Pick<Config, 'dataDir' | 'neo4j'>, logger: Logger): Promise<GraphStore> {
  if (config.neo4j) return Neo4jStore.connect(config.neo4j, logger);
  return EmbeddedStore.open({ dataDir: config.dataDir, logger });
}

export * from './types';
export * from './errors';
