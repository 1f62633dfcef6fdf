/**
 * Records of the interchange format <-> node properties. Absent optional fields are absent
 * properties (never null), list fields keep their order, an action's `details` is one JSON string
 * (`detailsJson`), and derived properties (`searchText`, `dateStart`, `spanEnd`, `fromId`, `toId`) are dropped on
 * the way back, so a record read back deep-equals the one written. Records come back canonical
 * (keys sorted, as `canonical` in contract/records.ts makes them), as the embedded store keeps them.
 */
import neo4j from 'neo4j-driver';
import { actionSpan, canonical, searchText, type Action, type Actor, type DetailValue, type Source } from '../../../contract';

export type Props = Record<string, unknown>;

/** Copies the listed keys that are present (not undefined, not null), in the listed order. */
function pick<T>(from: Props, keys: readonly string[]): T {
  const out: Props = {};
  for (const key of keys) {
    const v = from[key];
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out as T;
}

const ACTOR_FIELDS = ['id', 'name', 'kind', 'layer', 'aliases', 'description', 'wikidata'] as const;
const SOURCE_FIELDS = ['id', 'title', 'publisher', 'author', 'published', 'url', 'kind'] as const;
const ACTION_STORED_FIELDS = ['id', 'type', 'date', 'endDate', 'status', 'claimedBy', 'disputedBy', 'summary', 'sourceIds'] as const;

export function actorProps(actor: Actor): Props {
  return { ...pick<Props>(actor, ACTOR_FIELDS), searchText: searchText(actor) };
}

export function actorFromProps(props: Props): Actor {
  return canonical(pick<Actor>(props, ACTOR_FIELDS));
}

export function sourceProps(source: Source): Props {
  return pick<Props>(source, SOURCE_FIELDS);
}

export function sourceFromProps(props: Props): Source {
  return canonical(pick<Source>(props, SOURCE_FIELDS));
}

/** An action's node properties; its ends are relationships, with their ids copied as `fromId` and `toId`. */
export function actionProps(action: Action): Props {
  const props = pick<Props>(action, ACTION_STORED_FIELDS);
  // Derived, for reads that would otherwise follow the ACTED and ACTED_ON relationships.
  props.fromId = action.from;
  props.toId = action.to;
  if (action.details !== undefined) props.detailsJson = JSON.stringify(canonical(action.details));
  const span = actionSpan(action);
  if (span) {
    props.dateStart = neo4j.int(span.start);
    props.spanEnd = neo4j.int(span.end);
  }
  return props;
}

/** The action record from its node properties and the ids of its two ends. */
export function actionFromProps(props: Props, from: string, to: string): Action {
  const out: Props = { id: props.id, type: props.type, from, to };
  if (props.date != null) out.date = props.date;
  if (props.endDate != null) out.endDate = props.endDate;
  out.status = props.status;
  if (props.claimedBy != null) out.claimedBy = props.claimedBy;
  if (props.disputedBy != null) out.disputedBy = props.disputedBy;
  out.summary = props.summary;
  out.sourceIds = props.sourceIds ?? [];
  if (typeof props.detailsJson === 'string') out.details = JSON.parse(props.detailsJson) as Record<string, DetailValue>;
  return canonical(out as unknown as Action);
}

/** Row parameters for the batched action writes. */
export function actionRow(action: Action): { id: string; props: Props } {
  return { id: action.id, props: actionProps(action) };
}

export function actionLinks(actions: readonly Action[]) {
  return {
    ends: actions.map((a) => ({ id: a.id, from: a.from, to: a.to })),
    sources: actions.map((a) => ({ id: a.id, ids: a.citations.map((c) => c.source) })),
    claimants: actions.filter((a) => a.claimedBy?.length).map((a) => ({ id: a.id, ids: a.claimedBy! })),
    disputants: actions.filter((a) => a.disputedBy?.length).map((a) => ({ id: a.id, ids: a.disputedBy! })),
  };
}

// ---- rows of the statements in cypher.ts -> records --------------------------------------------

type Row = Record<string, unknown>;

/** A row with `actor` (properties). */
export function actorOfRow(row: Row): Actor {
  return actorFromProps(row.actor as Props);
}

/** A row with `source` (properties). */
export function sourceOfRow(row: Row): Source {
  return sourceFromProps(row.source as Props);
}

/** A row with `action` (properties), `fromId` and `toId`. */
export function actionOfRow(row: Row): Action {
  return actionFromProps(row.action as Props, row.fromId as string, row.toId as string);
}

/** A row with `actor` and `degree`. */
export function actorWithDegreeOfRow(row: Row): Actor & { degree: number } {
  return { ...actorOfRow(row), degree: Number(row.degree) };
}

/**
 * A row of the slim columns (ACTION_KEYS in cypher.ts): an action with what traversals read (type,
 * status, dates, ends) and an empty summary and sources. Never part of an answer: traversals
 * answer ids, and records come from the full rows.
 */
export function slimActionOfRow(row: Row): Action {
  const out: Props = { id: row.id, type: row.type, from: row.fromId, to: row.toId, status: row.status, summary: '', sourceIds: [] };
  if (row.date != null) out.date = row.date;
  if (row.endDate != null) out.endDate = row.endDate;
  return out as unknown as Action;
}
