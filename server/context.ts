/** What every route handler is given: the store, the settings and the logger of one app. */
import type { Config } from './config';
import type { Logger } from './logger';
import type { GraphStore } from './store/types';

export interface AppContext {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** Writes allowed per client address and minute; config.writeRateLimitPerMinute unless given. */
  writeRateLimitPerMinute?: number;
  /** The built browser; `dist/client` when it exists unless given, none when null. */
  clientDir?: string | null;
}
