/**
 * Records of the interchange format <-> node properties. Absent optional fields are absent
 * properties (never null), list fields keep their order, an action's `citations` and `details` are
 * JSON strings (`citationsJson`, `detailsJson`), an episode's `trigger` is two properties, and
 * derived properties (`searchText`, `category`, the spans, `fromId`, `toId`) are dropped on the way
 * back, so a record read back deep-equals the one written. Records come back canonical (keys
 * sorted, as `canonical` in contract/records.ts makes them), as the embedded store keeps them.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import {
  actionTime,
  canonical,
  categoryOf,
  searchText,
  type Action,
  type Actor,
  type Citation,
  type DetailValue,
  type Episode,
  type Source,
} from '../../../contract';

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
const EPISODE_FIELDS = ['id', 'title', 'summary', 'date', 'timezone'] as const;
/** Stored as they are: strings and lists of strings (`scope` is either), which Neo4j holds natively. */
const ACTION_STORED_FIELDS = [
  'id',
  'type',
  'date',
  'timezone',
  'status',
  'claimedBy',
  'disputedBy',
  'respondsTo',
  'episodes',
  'scope',
  'term',
  'reason',
  'summary',
] as const;

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

export function episodeProps(episode: Episode): Props {
  const props = pick<Props>(episode, EPISODE_FIELDS);
  if (episode.trigger) {
    props.triggerText = episode.trigger.text;
    if (episode.trigger.wikidata !== undefined) props.triggerWikidata = episode.trigger.wikidata;
  }
  return props;
}

export function episodeFromProps(props: Props): Episode {
  const out = pick<Props>(props, EPISODE_FIELDS);
  if (typeof props.triggerText === 'string') {
    out.trigger =
      typeof props.triggerWikidata === 'string'
        ? { text: props.triggerText, wikidata: props.triggerWikidata }
        : { text: props.triggerText };
  }
  return canonical(out as unknown as Episode);
}

/** Epoch ms as a Neo4j integer; an unbounded end is no property at all (absent = open). */
function bound(ms: number): Integer | undefined {
  return Number.isFinite(ms) ? neo4j.int(ms) : undefined;
}

/** An action's node properties; its ends are relationships, with their ids copied as `fromId` and `toId`. */
export function actionProps(action: Action): Props {
  const props = pick<Props>(action, ACTION_STORED_FIELDS);
  props.category = categoryOf(action.type);
  // Derived, for reads that would otherwise follow the ACTED and ACTED_ON relationships.
  props.fromId = action.from;
  props.toId = action.to;
  props.citationsJson = JSON.stringify(canonical(action.citations));
  if (action.details !== undefined) props.detailsJson = JSON.stringify(canonical(action.details));
  const span = actionTime(action);
  if (span) {
    const derived: Props = {
      dateStart: bound(span.start),
      spanEnd: bound(span.end),
      localStart: bound(span.local.start),
      localEnd: bound(span.local.end),
    };
    for (const [key, value] of Object.entries(derived)) if (value !== undefined) props[key] = value;
  }
  return props;
}

/** The action record from its node properties and the ids of its two ends. */
export function actionFromProps(props: Props, from: string, to: string): Action {
  const out = pick<Props>(props, ACTION_STORED_FIELDS);
  out.from = from;
  out.to = to;
  out.citations = typeof props.citationsJson === 'string' ? (JSON.parse(props.citationsJson) as Citation[]) : [];
  if (typeof props.detailsJson === 'string') out.details = JSON.parse(props.detailsJson) as Record<string, DetailValue>;
  return canonical(out as unknown as Action);
}

/** Row parameters for the batched action writes. */
export function actionRow(action: Action): { id: string; props: Props } {
  return { id: action.id, props: actionProps(action) };
}

/** A citation as CITES relationship properties: an absent locator or quote is null, which sets nothing. */
export function citationRow(c: Citation): Props {
  return { source: c.source, stance: c.stance, locator: c.locator ?? null, quote: c.quote ?? null };
}

export function actionLinks(actions: readonly Action[]) {
  const lists = (field: 'claimedBy' | 'disputedBy' | 'respondsTo' | 'episodes') =>
    actions.filter((a) => a[field]?.length).map((a) => ({ id: a.id, ids: a[field]! }));
  return {
    ends: actions.map((a) => ({ id: a.id, from: a.from, to: a.to })),
    sources: actions.map((a) => ({ id: a.id, citations: a.citations.map(citationRow) })),
    claimants: lists('claimedBy'),
    disputants: lists('disputedBy'),
    responses: lists('respondsTo'),
    episodes: lists('episodes'),
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

/** A row with `episode` (properties). */
export function episodeOfRow(row: Row): Episode {
  return episodeFromProps(row.episode as Props);
}

/**
 * Whether an action row is whole. Neo4j reads committed data as a statement goes, so an action
 * deleted by another transaction between matching its node and reading it comes back with null
 * properties: that action is gone, and is left out like one deleted before the read.
 */
export function isWholeActionRow(row: Row): boolean {
  return typeof row.fromId === 'string' && typeof row.toId === 'string';
}

/** The actions of the whole rows among `rows` (isWholeActionRow). */
export function actionsOfRows(rows: readonly Row[], of: (row: Row) => Action = actionOfRow): Action[] {
  return rows.filter(isWholeActionRow).map(of);
}

/** A row with `action` (properties), `fromId` and `toId`. */
export function actionOfRow(row: Row): Action {
  return actionFromProps(row.action as Props, row.fromId as string, row.toId as string);
}

/** A row with `actor` and `degree`. */
export function actorWithDegreeOfRow(row: Row): Actor & { degree: number } {
  return { ...actorOfRow(row), degree: Number(row.degree) };
}

/** The optional fields of the slim columns: what filters, order and response links read. */
const SLIM_OPTIONAL = ['date', 'timezone', 'claimedBy', 'disputedBy', 'respondsTo', 'episodes'] as const;

/**
 * A row of the slim columns (ACTION_KEYS in cypher.ts): an action with what filters, order and
 * traversals read (type, status, date and zone, ends, claimants, disputants, response links,
 * episodes) and an empty summary and citations. Never part of an answer: traversals
 * answer ids, and records come from the full rows.
 */
export function slimActionOfRow(row: Row): Action {
  const out: Props = { id: row.id, type: row.type, from: row.fromId, to: row.toId, status: row.status, summary: '', citations: [] };
  for (const key of SLIM_OPTIONAL) if (row[key] != null) out[key] = row[key];
  return out as unknown as Action;
}
