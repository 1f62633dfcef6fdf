/**
 * Constraints and indexes, created at connect when missing (IF NOT EXISTS, so every start may run
 * them and an analyst's own extra indexes are left alone):
 * - uniqueness of Actor.id, Source.id, Action.id (each also an index for lookups by id);
 * - uniqueness of Episode.id;
 * - range indexes on Action.type, Action.status and the span ends (dateStart, spanEnd, localStart,
 *   localEnd) (filters);
 * - a text index on Actor.searchText (the CONTAINS prefilter of the actor search);
 * - the full-text index `actorNames` on Actor.name and Actor.aliases, for analysts in Neo4j
 *   Browser, e.g. CALL db.index.fulltext.queryNodes('actorNames', 'parl*') YIELD node, score.
 */
import { convertActionV1, parseAction, type ActionV1 } from '../../../contract';
import * as cypher from './cypher';
import type { Db } from './db';
import type { Props } from './mapping';
import { rewriteActions } from './writes';

export const SCHEMA_STATEMENTS: readonly string[] = [
  cypher.CREATE_ACTOR_ID_CONSTRAINT,
  cypher.CREATE_SOURCE_ID_CONSTRAINT,
  cypher.CREATE_ACTION_ID_CONSTRAINT,
  cypher.CREATE_EPISODE_ID_CONSTRAINT,
  cypher.CREATE_ACTION_TYPE_INDEX,
  cypher.CREATE_ACTION_STATUS_INDEX,
  cypher.CREATE_ACTION_DATE_START_INDEX,
  cypher.CREATE_ACTION_SPAN_END_INDEX,
  cypher.CREATE_ACTION_LOCAL_START_INDEX,
  cypher.CREATE_ACTION_LOCAL_END_INDEX,
  cypher.CREATE_ACTOR_SEARCH_TEXT_INDEX,
  cypher.CREATE_ACTOR_NAMES_FULLTEXT_INDEX,
];

/** The v1 record an action node of the v1 store holds (its properties as that store wrote them). */
function v1Action(props: Props, from: string, to: string): ActionV1 {
  const out: Props = {
    id: props.id,
    type: props.type,
    from,
    to,
    status: props.status,
    summary: props.summary,
    sourceIds: props.sourceIds ?? [],
  };
  for (const key of ['date', 'endDate', 'claimedBy', 'disputedBy'] as const) if (props[key] != null) out[key] = props[key];
  if (typeof props.detailsJson === 'string') out.details = JSON.parse(props.detailsJson);
  return out as unknown as ActionV1;
}

/**
 * Actions a store of interchange v1 wrote become the v2 records that say the same (the contract's
 * conversion, as a v1 import gets): their properties and relationships rewritten, a thousand per
 * transaction. None once done, so a start costs one scan of the actions.
 */
async function upgradeV1Actions(db: Db): Promise<void> {
  for (;;) {
    const converted = await db.write(async (tx) => {
      const rows = await tx.run(cypher.V1_ACTIONS);
      const actions = rows.map((row) => {
        const parsed = parseAction(convertActionV1(v1Action(row.action as Props, row.fromId as string, row.toId as string)));
        if (!parsed.ok) {
          const problems = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
          throw new Error(`action "${String((row.action as Props).id)}" of the v1 database cannot be converted to v2 (${problems})`);
        }
        return parsed.value;
      });
      await rewriteActions(tx, actions);
      return actions.length;
    });
    if (converted === 0) return;
  }
}

/**
 * Schema statements cannot share a transaction with each other, so each runs on its own. Then the
 * derived `fromId` and `toId` of actions written by an earlier version of the store (cypher.ts),
 * in batches, and the conversion of actions a v1 store wrote: none once done, so a start costs a
 * scan of the actions.
 */
export async function ensureSchema(db: Db): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.query(statement, {}, 'write');
  for (;;) {
    const [row] = await db.query(cypher.BACKFILL_ACTION_ENDS, {}, 'write');
    if (!Number(row?.updated)) break;
  }
  await upgradeV1Actions(db);
}
