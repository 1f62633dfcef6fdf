/**
 * Constraints and indexes, created at connect when missing (IF NOT EXISTS, so every start may run
 * them and an analyst's own extra indexes are left alone):
 * - uniqueness of Actor.id, Source.id, Action.id (each also an index for lookups by id);
 * - range indexes on Action.type, Action.status, Action.dateStart, Action.spanEnd (filters);
 * - a text index on Actor.searchText (the CONTAINS prefilter of the actor search);
 * - the full-text index `actorNames` on Actor.name and Actor.aliases, for analysts in Neo4j
 *   Browser, e.g. CALL db.index.fulltext.queryNodes('actorNames', 'parl*') YIELD node, score.
 */
import * as cypher from './cypher';
import type { Db } from './db';

export const SCHEMA_STATEMENTS: readonly string[] = [
  cypher.CREATE_ACTOR_ID_CONSTRAINT,
  cypher.CREATE_SOURCE_ID_CONSTRAINT,
  cypher.CREATE_ACTION_ID_CONSTRAINT,
  cypher.CREATE_ACTION_TYPE_INDEX,
  cypher.CREATE_ACTION_STATUS_INDEX,
  cypher.CREATE_ACTION_DATE_START_INDEX,
  cypher.CREATE_ACTION_SPAN_END_INDEX,
  cypher.CREATE_ACTOR_SEARCH_TEXT_INDEX,
  cypher.CREATE_ACTOR_NAMES_FULLTEXT_INDEX,
];

/**
 * Schema statements cannot share a transaction with each other, so each runs on its own. Then the
 * derived `fromId` and `toId` of actions written by an earlier version of the store (cypher.ts),
 * in batches: none once done, so a start costs one scan of the actions.
 */
export async function ensureSchema(db: Db): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.query(statement, {}, 'write');
  for (;;) {
    const [row] = await db.query(cypher.BACKFILL_ACTION_ENDS, {}, 'write');
    if (!Number(row?.updated)) return;
  }
}
