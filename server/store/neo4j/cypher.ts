/**
 * Every Cypher statement the Neo4j store runs, as named constants (tests/cypher/cypher-syntax.test.ts
 * checks each one with Neo4j's own parser). Values always travel as parameters; labels and
 * relationship types are fixed here and never built from input.
 *
 * The model (interchange v2), as analysts see it in Neo4j Browser:
 *
 *   (:Actor {id, name, kind, layer, aliases, description, wikidata, searchText})
 *   (:Source {id, title, publisher, author, published, url, kind})
 *   (:Episode {id, title, summary, date, timezone, triggerText, triggerWikidata})
 *   (:Action {id, type, category, date, timezone, status, summary, claimedBy, disputedBy, respondsTo,
 *             episodes, scope, term, reason, citationsJson, detailsJson,
 *             dateStart, spanEnd, localStart, localEnd, fromId, toId})
 *   (from:Actor)-[:ACTED]->(action:Action)-[:ACTED_ON]->(to:Actor)
 *   (action)-[:CITES {stance, locator, quote}]->(source)
 *   (claimant:Actor)-[:CLAIMS]->(action),  (disputant:Actor)-[:DISPUTES]->(action)
 *   (response:Action)-[:RESPONDS_TO]->(action),  (action)-[:IN_EPISODE]->(episode:Episode)
 *
 * `fromId` and `toId` are the ids of the action's two ends, the actors at the other end of its
 * ACTED and ACTED_ON relationships, written with it: reading them costs a property, where
 * following the relationships costs two expansions of the action's relationship chain (about
 * half of a traversal's db hits). The relationships stay the model for Cypher users.
 * `citationsJson` is the action's citations exactly as written (order, locator, quote), so a
 * record reads back equal; the CITES relationships carry the same facts for querying.
 * `category` is the type's category (contract vocabulary), for Cypher users; filters use types.
 * `dateStart` and `spanEnd` are the epoch milliseconds (UTC) of the earliest and latest instant of
 * the action's span, `localStart` and `localEnd` the same span read as wall-clock time (ms as if
 * UTC): the derived spans of contract/filters.ts. An open or unknown end (`2021-01-11/..`) is an
 * absent property on a dated action; an undated action (no `date`) has none of the four.
 * `searchText` is the normalized name and aliases (`searchText` in contract/search.ts), one per line.
 * The list properties keep the order of the record; the relationships are there for querying.
 *
 * Useful in the Browser: the full-text index `actorNames` covers Actor.name and Actor.aliases:
 *   CALL db.index.fulltext.queryNodes('actorNames', 'amazon~') YIELD node, score RETURN node.id, score
 * and the responses to an action, transitively:
 *   MATCH (r:Action)-[:RESPONDS_TO*]->(:Action {id: 'aws-suspends-parler'}) RETURN r.id, r.type
 */

// ---- fragments (not statements; composed into the constants below) ----------------------------

/**
 * Whether an action `a` is dated, read from its derived span ends (a dated action has at least
 * one bounded end), never as `a.date IS NOT NULL`: Neo4j 5.26 may cache that test's answer as the
 * property itself, so that `properties(a)` in the same statement answers `date: true`.
 */
const DATED = `(a.dateStart IS NOT NULL OR a.spanEnd IS NOT NULL)`;

/**
 * The filter prefilter on an action `a`: the same comparisons as `actionPredicate`, which the store
 * still applies to what comes back. A window is compared with the local span ($localFrom,
 * $localTo: wall-clock ms) or, with a `tz`, with the instant span ($instantFrom, $instantTo); an
 * absent span end is open, so it reaches every window on its side.
 * Parameters (null = any): $types (the type and category filters together), $statuses,
 * $localFrom, $localTo, $instantFrom, $instantTo, $claimedBy, $disputedBy, $episodes, $layers
 * (either end's actor layer); $datedOnly (boolean: keep only dated actions, for chains).
 */
const ACTION_PASSES = `($types IS NULL OR a.type IN $types)
  AND ($statuses IS NULL OR a.status IN $statuses)
  AND ($localFrom IS NULL OR (${DATED} AND (a.localEnd IS NULL OR a.localEnd >= $localFrom)))
  AND ($localTo IS NULL OR (${DATED} AND (a.localStart IS NULL OR a.localStart <= $localTo)))
  AND ($instantFrom IS NULL OR (${DATED} AND (a.spanEnd IS NULL OR a.spanEnd >= $instantFrom)))
  AND ($instantTo IS NULL OR (${DATED} AND (a.dateStart IS NULL OR a.dateStart <= $instantTo)))
  AND ($claimedBy IS NULL OR any(x IN coalesce(a.claimedBy, []) WHERE x IN $claimedBy))
  AND ($disputedBy IS NULL OR any(x IN coalesce(a.disputedBy, []) WHERE x IN $disputedBy))
  AND ($episodes IS NULL OR any(x IN coalesce(a.episodes, []) WHERE x IN $episodes))
  AND ($layers IS NULL OR EXISTS { MATCH (a)-[:ACTED|ACTED_ON]-(x:Actor) WHERE x.layer IN $layers })
  AND ($datedOnly = false OR ${DATED})`;

/** One action record per row: its node properties and the ids of its two ends. */
const ACTION_ROW = `properties(a) AS action, a.fromId AS fromId, a.toId AS toId`;

/**
 * What traversals read of an action (its filter fields, date and ends), not what answers show:
 * a fifth of the properties, and no map per row. See `slimActionOfRow` in mapping.ts.
 */
const ACTION_KEYS = `a.id AS id, a.type AS type, a.status AS status, a.date AS date, a.timezone AS timezone,
  a.claimedBy AS claimedBy, a.disputedBy AS disputedBy, a.respondsTo AS respondsTo, a.episodes AS episodes,
  a.fromId AS fromId, a.toId AS toId`;

/**
 * Number of actions an actor `n` takes part in, as `from` or as `to`. ACTED and ACTED_ON only ever
 * link an actor to an action, so no label check is needed, and without one Neo4j reads the count
 * from the node's degree instead of walking its relationships (a seventh of the db hits).
 */
const DEGREE = `COUNT { (n)-[:ACTED|ACTED_ON]-() }`;

/**
 * The actors whose ids the list parameter `ids` names, with degree, as one list of maps (rows as
 * ACTORS_BY_IDS_WITH_DEGREE): the actor half of the neighbourhood statements' one-row answers.
 */
function actorsWithDegree(ids: string): string {
  return `COLLECT {
  UNWIND ${ids} AS id
  MATCH (n:Actor {id: id})
  RETURN {actor: properties(n), degree: ${DEGREE}}
}`;
}

// ---- schema --------------------------------------------------------------------------------------

export const CREATE_ACTOR_ID_CONSTRAINT = 'CREATE CONSTRAINT actor_id_unique IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE';
export const CREATE_SOURCE_ID_CONSTRAINT = 'CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE';
export const CREATE_ACTION_ID_CONSTRAINT = 'CREATE CONSTRAINT action_id_unique IF NOT EXISTS FOR (n:Action) REQUIRE n.id IS UNIQUE';
export const CREATE_EPISODE_ID_CONSTRAINT = 'CREATE CONSTRAINT episode_id_unique IF NOT EXISTS FOR (n:Episode) REQUIRE n.id IS UNIQUE';
export const CREATE_ACTION_TYPE_INDEX = 'CREATE INDEX action_type IF NOT EXISTS FOR (n:Action) ON (n.type)';
export const CREATE_ACTION_STATUS_INDEX = 'CREATE INDEX action_status IF NOT EXISTS FOR (n:Action) ON (n.status)';
export const CREATE_ACTION_DATE_START_INDEX = 'CREATE INDEX action_date_start IF NOT EXISTS FOR (n:Action) ON (n.dateStart)';
export const CREATE_ACTION_SPAN_END_INDEX = 'CREATE INDEX action_span_end IF NOT EXISTS FOR (n:Action) ON (n.spanEnd)';
export const CREATE_ACTION_LOCAL_START_INDEX = 'CREATE INDEX action_local_start IF NOT EXISTS FOR (n:Action) ON (n.localStart)';
export const CREATE_ACTION_LOCAL_END_INDEX = 'CREATE INDEX action_local_end IF NOT EXISTS FOR (n:Action) ON (n.localEnd)';
/** Serves the `CONTAINS` prefilter of the actor search. */
export const CREATE_ACTOR_SEARCH_TEXT_INDEX = 'CREATE TEXT INDEX actor_search_text IF NOT EXISTS FOR (n:Actor) ON (n.searchText)';
/** For analysts (fuzzy and Lucene queries on names and aliases); the API ranks with rankActors. */
export const CREATE_ACTOR_NAMES_FULLTEXT_INDEX = 'CREATE FULLTEXT INDEX actorNames IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases]';

// ---- counts and statistics ----------------------------------------------------------------------

export const COUNT_RECORDS = `RETURN COUNT { (:Actor) } AS actors, COUNT { (:Source) } AS sources, COUNT { (:Episode) } AS episodes,
  COUNT { (:Action) } AS actions`;

/**
 * What a probe reads (Db.probe): the record counts and the history's change number (the counter
 * history.ts keeps, $counter = 'dataset'; 0 before the first change), one round trip for health and for versions.
 */
export const PROBE = `OPTIONAL MATCH (k:ChangeCounter {id: $counter})
RETURN COUNT { (:Actor) } AS actors, COUNT { (:Source) } AS sources, COUNT { (:Episode) } AS episodes,
  COUNT { (:Action) } AS actions, coalesce(k.value, 0) AS change`;

export const COUNT_ACTIONS_BY_TYPE = `MATCH (a:Action) RETURN a.type AS key, count(*) AS n`;
export const COUNT_ACTIONS_BY_STATUS = `MATCH (a:Action) RETURN a.status AS key, count(*) AS n`;
export const COUNT_ACTORS_BY_KIND = `MATCH (n:Actor) RETURN n.kind AS key, count(*) AS n`;

/** The (from, to) pair of every action of the types $types, for betweenness. */
export const ACTION_PAIRS = `MATCH (a:Action)
WHERE a.type IN $types
RETURN a.fromId AS fromId, a.toId AS toId`;

/**
 * Every actor with the number of its actions of the types $types (as from or to): the degree the
 * statistics rank by when nothing else narrows it.
 */
export const ACTOR_DEGREES_OF_TYPES = `MATCH (n:Actor)
RETURN n.id AS id, n.name AS name, COUNT { (n)-[:ACTED|ACTED_ON]-(a:Action) WHERE a.type IN $types } AS degree`;

// ---- actors --------------------------------------------------------------------------------------

/** One actor, with the type of every action it takes part in (as from or to). */
export const GET_ACTOR = `MATCH (n:Actor {id: $id})
RETURN properties(n) AS actor, COLLECT { MATCH (n)-[:ACTED|ACTED_ON]-(a:Action) RETURN a.type } AS types`;

/**
 * Actors with their degree, prefiltered by kind, layer and the normalized query
 * ($kind, $layer, $q: null = any); ranking and paging happen in the store with rankActors.
 */
export const LIST_ACTORS = `MATCH (n:Actor)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($layer IS NULL OR n.layer = $layer)
  AND ($q IS NULL OR n.searchText CONTAINS $q)
RETURN properties(n) AS actor, ${DEGREE} AS degree`;

/** The actors with these ids ($ids), with their degree. */
export const ACTORS_BY_IDS_WITH_DEGREE = `UNWIND $ids AS id
MATCH (n:Actor {id: id})
RETURN properties(n) AS actor, ${DEGREE} AS degree`;

/** The actors with these ids ($ids). */
export const ACTORS_BY_IDS = `UNWIND $ids AS id
MATCH (n:Actor {id: id})
RETURN properties(n) AS actor`;

/** Every actor, without degree (exports). */
export const ALL_ACTORS = `MATCH (n:Actor) RETURN properties(n) AS actor`;

/** The actors in any of the layers $layers, with their layer (the layer filter's predicate reads these). */
export const ACTOR_IDS_IN_LAYERS = `MATCH (n:Actor)
WHERE n.layer IN $layers
RETURN n.id AS id, n.layer AS layer`;

/** Which of the ids $ids are actors. */
export const EXISTING_ACTOR_IDS = `UNWIND $ids AS id
MATCH (n:Actor {id: id})
RETURN n.id AS id`;

/** Ids of the actions that reference an actor in any role; no row when the actor is unknown. */
export const ACTOR_REFERENCES = `MATCH (n:Actor {id: $id})
RETURN COLLECT { MATCH (n)-[:ACTED|ACTED_ON|CLAIMS|DISPUTES]-(a:Action) RETURN DISTINCT a.id } AS actions`;

// ---- sources -------------------------------------------------------------------------------------

/** One source, with the ids of the actions that cite it. */
export const GET_SOURCE = `MATCH (s:Source {id: $id})
RETURN properties(s) AS source, COLLECT { MATCH (a:Action)-[:CITES]->(s) RETURN DISTINCT a.id } AS actions`;

export const ALL_SOURCES = `MATCH (s:Source) RETURN properties(s) AS source`;

/** The sources with these ids ($ids). */
export const SOURCES_BY_IDS = `UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN properties(s) AS source`;

/** Which of the ids $ids are sources. */
export const EXISTING_SOURCE_IDS = `UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id`;

/** Ids of the actions that cite a source; no row when the source is unknown. */
export const SOURCE_REFERENCES = `MATCH (s:Source {id: $id})
RETURN COLLECT { MATCH (a:Action)-[:CITES]->(s) RETURN DISTINCT a.id } AS actions`;

// ---- episodes ------------------------------------------------------------------------------------

/** One episode, with the ids of the actions in it. */
export const GET_EPISODE = `MATCH (e:Episode {id: $id})
RETURN properties(e) AS episode, COLLECT { MATCH (a:Action)-[:IN_EPISODE]->(e) RETURN DISTINCT a.id } AS actions`;

export const ALL_EPISODES = `MATCH (e:Episode) RETURN properties(e) AS episode`;

/** The episodes with these ids ($ids). */
export const EPISODES_BY_IDS = `UNWIND $ids AS id
MATCH (e:Episode {id: id})
RETURN properties(e) AS episode`;

/** Which of the ids $ids are episodes. */
export const EXISTING_EPISODE_IDS = `UNWIND $ids AS id
MATCH (e:Episode {id: id})
RETURN e.id AS id`;

/** Ids of the actions in an episode; no row when the episode is unknown. */
export const EPISODE_REFERENCES = `MATCH (e:Episode {id: $id})
RETURN COLLECT { MATCH (a:Action)-[:IN_EPISODE]->(e) RETURN DISTINCT a.id } AS actions`;

// ---- actions -------------------------------------------------------------------------------------

/**
 * One action with its ends, the sources it cites (any order; the store orders them as its
 * citations) and the ids of the actions that respond to it.
 */
export const GET_ACTION = `MATCH (a:Action {id: $id})
RETURN ${ACTION_ROW}, COLLECT { MATCH (a)-[:CITES]->(s:Source) RETURN DISTINCT properties(s) } AS sources,
  COLLECT { MATCH (r:Action)-[:RESPONDS_TO]->(a) RETURN DISTINCT r.id } AS responses`;

/** Ids of the actions responding to an action; no row when the action is unknown (what holds it). */
export const ACTION_REFERENCES = `MATCH (a:Action {id: $id})
RETURN COLLECT { MATCH (r:Action)-[:RESPONDS_TO]->(a) RETURN DISTINCT r.id } AS actions`;

/**
 * The response links of the actions $ids and of every action they respond to, at any remove (the
 * stored `respondsTo`, as the embedded store reads): what chains' precedence can reach from the
 * actions a traversal fetched, without reading every link of the graph.
 */
export const RESPONSE_LINKS_FROM = `UNWIND $ids AS id
MATCH (:Action {id: id})-[:RESPONDS_TO*0..]->(t:Action)
WITH DISTINCT t
RETURN t.id AS id, coalesce(t.respondsTo, []) AS targets`;

/** Which of the ids $ids are actions. */
export const EXISTING_ACTION_IDS = `UNWIND $ids AS id
MATCH (a:Action {id: id})
RETURN a.id AS id`;

/** The actions with these ids ($ids). */
export const ACTIONS_BY_IDS = `UNWIND $ids AS id
MATCH (a:Action {id: id})
RETURN ${ACTION_ROW}`;

/** Every action passing the prefilter (selections and exports). */
export const FILTERED_ACTIONS = `MATCH (a:Action)
WHERE ${ACTION_PASSES}
RETURN ${ACTION_ROW}`;

/**
 * ACTION_PASSES with only the conditions whose parameter is set, one per entry; `null` parameters
 * (and a false $datedOnly) drop theirs. A statement whose WHERE says `$types IS NULL OR a.type IN
 * $types` cannot use the index on the type (the planner must allow for a null); one that says only
 * `a.type IN $types` seeks it, and a timeline filtered by type reads the few actions of those types
 * instead of scanning them all. The statements vary with which filters are set: a dozen at most in
 * practice, each planned once.
 */
const PASS_CONDITIONS: ReadonlyArray<readonly [string, string]> = [
  ['types', 'a.type IN $types'],
  ['statuses', 'a.status IN $statuses'],
  ['localFrom', `${DATED} AND (a.localEnd IS NULL OR a.localEnd >= $localFrom)`],
  ['localTo', `${DATED} AND (a.localStart IS NULL OR a.localStart <= $localTo)`],
  ['instantFrom', `${DATED} AND (a.spanEnd IS NULL OR a.spanEnd >= $instantFrom)`],
  ['instantTo', `${DATED} AND (a.dateStart IS NULL OR a.dateStart <= $instantTo)`],
  ['claimedBy', 'any(x IN coalesce(a.claimedBy, []) WHERE x IN $claimedBy)'],
  ['disputedBy', 'any(x IN coalesce(a.disputedBy, []) WHERE x IN $disputedBy)'],
  ['episodes', 'any(x IN coalesce(a.episodes, []) WHERE x IN $episodes)'],
  ['layers', 'EXISTS { MATCH (a)-[:ACTED|ACTED_ON]-(x:Actor) WHERE x.layer IN $layers }'],
  ['datedOnly', DATED],
];

function passesOnly(params: Readonly<Record<string, unknown>>): string {
  const set = PASS_CONDITIONS.filter(([name]) => params[name] !== null && params[name] !== undefined && params[name] !== false);
  return set.length ? `WHERE ${set.map(([, condition]) => `(${condition})`).join('\n  AND ')}\n` : '';
}

/**
 * The MATCH of the filtered statements. With types, the type index is named: left to itself, the
 * planner reads the window's ORs (an action is dated by either span end) as a union of two range
 * seeks over most of the actions, about twice the db hits of seeking the few of those types.
 */
function matchFiltered(params: Readonly<Record<string, unknown>>): string {
  const seek = params.types !== null && params.types !== undefined ? 'USING INDEX a:Action(type)\n' : '';
  return `MATCH (a:Action)\n${seek}${passesOnly(params)}`;
}

/** The passing actions, slim columns: the timeline sorts these and fetches one page. */
export function filteredActionKeysFor(params: Readonly<Record<string, unknown>>): string {
  return `${matchFiltered(params)}RETURN ${ACTION_KEYS}`;
}

/** The passing actions, whole rows (selections and exports). */
export function filteredActionsFor(params: Readonly<Record<string, unknown>>): string {
  return `${matchFiltered(params)}RETURN ${ACTION_ROW}`;
}

/**
 * The passing actions that touch (as from or to) any of the actors $ids, slim columns, one row per
 * (actor, action): an action between two actors of $ids comes twice and the caller keeps one. One
 * level of a traversal, and the timeline of one actor.
 */
export const ACTION_KEYS_TOUCHING = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[:ACTED|ACTED_ON]-(a:Action)
WHERE ${ACTION_PASSES}
RETURN ${ACTION_KEYS}`;

/** ACTION_KEYS as a map, for lists of actions in one row. */
const ACTION_KEYS_MAP = `{id: a.id, type: a.type, status: a.status, date: a.date, timezone: a.timezone,
  claimedBy: a.claimedBy, disputedBy: a.disputedBy, respondsTo: a.respondsTo, episodes: a.episodes,
  fromId: a.fromId, toId: a.toId}`;

/**
 * Two levels in one round trip when both are small: in one row, the passing actions touching the
 * actors $ids (`first`, slim maps), and when there are at most $spread of them and their other
 * ends take part in at most $reach actions in all (`deep`), the passing actions touching those
 * ends too (`second`). An ordinary actor's first two levels are a few hundred actions; with a hub
 * among them (a hub's own first level is thousands), a level at a time fetches less.
 */
export const ACTION_KEYS_NEAR = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[:ACTED|ACTED_ON]-(a:Action)
WHERE ${ACTION_PASSES}
WITH collect(DISTINCT a) AS near
WITH near, COLLECT {
  UNWIND near AS x
  UNWIND [x.fromId, x.toId] AS end
  WITH DISTINCT end
  WHERE NOT end IN $ids
  RETURN end
} AS ends
WITH near, ends, size(near) <= $spread AND reduce(n = 0, d IN COLLECT {
  UNWIND ends AS end
  MATCH (m:Actor {id: end})
  RETURN COUNT { (m)-[:ACTED|ACTED_ON]-() }
} | n + d) <= $reach AS deep
RETURN deep, [a IN near | ${ACTION_KEYS_MAP}] AS first, COLLECT {
  UNWIND (CASE WHEN deep THEN ends ELSE [] END) AS end
  MATCH (:Actor {id: end})-[:ACTED|ACTED_ON]-(a:Action)
  WHERE ${ACTION_PASSES}
  RETURN DISTINCT ${ACTION_KEYS_MAP}
} AS second`;

/**
 * The focus (no row when it is unknown) and the ids of the actors one passing action away from
 * it (`ids`), and when $twoLevels, those one passing action away from them (`next`, the focus
 * and `ids` included): the first levels of a neighbourhood in one round trip.
 */
export const FOCUS_LEVELS = `MATCH (n:Actor {id: $id})
WITH n, COLLECT {
  MATCH (n)-[:ACTED|ACTED_ON]-(a:Action)-[:ACTED|ACTED_ON]-(m:Actor)
  WHERE ${ACTION_PASSES}
  RETURN DISTINCT m
} AS near
RETURN [m IN near | m.id] AS ids, COLLECT {
  UNWIND near AS x
  MATCH (x)-[:ACTED|ACTED_ON]-(a:Action)-[:ACTED|ACTED_ON]-(m:Actor)
  WHERE $twoLevels AND ${ACTION_PASSES}
  RETURN DISTINCT m.id
} AS next`;

/** Ids of the actors one passing action away from any of the actors $ids ($ids included when so linked). */
export const NEIGHBOUR_IDS = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[:ACTED|ACTED_ON]-(a:Action)-[:ACTED|ACTED_ON]-(m:Actor)
WHERE ${ACTION_PASSES}
RETURN DISTINCT m.id AS id`;

/**
 * What the actors $ids add to a growing set of actors ($among, $ids included), in one row: their
 * records with degree (`actors`, rows as ACTORS_BY_IDS_WITH_DEGREE) and the passing actions
 * touching them whose other end is in the set (`actions`, rows as ACTION_ROW), each action once
 * (from its `from` end when both ends are new).
 */
export const ACTORS_AND_ACTIONS_ADDED = `RETURN ${actorsWithDegree('$ids')} AS actors, COLLECT {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:ACTED|ACTED_ON]-(a:Action)
  WHERE ${ACTION_PASSES}
    AND a.fromId IN $among AND a.toId IN $among AND (a.fromId = id OR NOT a.fromId IN $ids)
  RETURN {action: properties(a), fromId: a.fromId, toId: a.toId}
} AS actions`;

/**
 * The records of a neighbourhood found on the held topology (topology.ts), in one row: the actors
 * $actorIds with degree (`actors`, rows as ACTORS_BY_IDS_WITH_DEGREE) and the actions $actionIds
 * (`actions`, rows as ACTION_ROW). Index seeks only: no expansion of anyone's actions.
 */
export const RECORDS_OF_PART = `RETURN ${actorsWithDegree('$actorIds')} AS actors, COLLECT {
  UNWIND $actionIds AS id
  MATCH (a:Action {id: id})
  RETURN {action: properties(a), fromId: a.fromId, toId: a.toId}
} AS actions`;

// ---- writes --------------------------------------------------------------------------------------

/**
 * Sets `fromId` and `toId` on up to 10,000 actions written before they existed (run until it
 * updates none): what a database made by an earlier version of the store needs once.
 */
export const BACKFILL_ACTION_ENDS = `MATCH (f:Actor)-[:ACTED]->(a:Action)-[:ACTED_ON]->(t:Actor)
WHERE a.fromId IS NULL OR a.toId IS NULL
WITH a, f, t LIMIT 10000
SET a.fromId = f.id, a.toId = t.id
RETURN count(*) AS updated`;

/**
 * Up to 1,000 actions written by the store of interchange v1 (no `citationsJson`), with their v1
 * properties (`endDate`, `sourceIds`): what a database made before v2 needs converted once.
 */
export const V1_ACTIONS = `MATCH (a:Action)
WHERE a.citationsJson IS NULL
WITH a LIMIT 1000
RETURN ${ACTION_ROW}`;

/** Creates or overwrites actors: $rows of {id, props}; properties not in props are removed. */
export const UPSERT_ACTORS = `UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
SET n = row.props`;

/** Creates or overwrites sources: $rows of {id, props}. */
export const UPSERT_SOURCES = `UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props`;

/** Creates or overwrites episodes: $rows of {id, props}. */
export const UPSERT_EPISODES = `UNWIND $rows AS row
MERGE (e:Episode {id: row.id})
SET e = row.props`;

/** Creates one actor ($props); the uniqueness constraint refuses an existing id. */
export const CREATE_ACTOR = `CREATE (n:Actor)
SET n = $props`;

/** Creates one source ($props). */
export const CREATE_SOURCE = `CREATE (s:Source)
SET s = $props`;

/** Creates one episode ($props). */
export const CREATE_EPISODE = `CREATE (e:Episode)
SET e = $props`;

/** Overwrites the properties of an existing actor; returns 0 when there is none. */
export const REPLACE_ACTOR = `MATCH (n:Actor {id: $id})
SET n = $props
RETURN count(n) AS replaced`;

export const REPLACE_SOURCE = `MATCH (s:Source {id: $id})
SET s = $props
RETURN count(s) AS replaced`;

export const REPLACE_EPISODE = `MATCH (e:Episode {id: $id})
SET e = $props
RETURN count(e) AS replaced`;

/**
 * Deletes an actor that nothing references (checked first). Plain DELETE, not DETACH: if an
 * action linked to it in the meantime, Neo4j refuses and nothing dangles.
 */
export const DELETE_ACTOR = `MATCH (n:Actor {id: $id})
DELETE n
RETURN count(*) AS deleted`;

export const DELETE_SOURCE = `MATCH (s:Source {id: $id})
DELETE s
RETURN count(*) AS deleted`;

export const DELETE_EPISODE = `MATCH (e:Episode {id: $id})
DELETE e
RETURN count(*) AS deleted`;

/**
 * Deletes an action and the relationships it owns (its ends, citations, claims, disputes, its own
 * response links and episodes), not the links of actions responding to it: nothing responds to it
 * (checked first), and if a response linked to it in the meantime, the plain DELETE is refused.
 */
export const DELETE_ACTION = `MATCH (a:Action {id: $id})
CALL (a) {
  MATCH (a)-[r]->()
  DELETE r
}
CALL (a) {
  MATCH (:Actor)-[r]->(a)
  DELETE r
}
DELETE a
RETURN count(*) AS deleted`;

/**
 * Drops the relationships the actions $ids own, before they are linked again. The RESPONDS_TO
 * links of other actions to them are theirs and stay.
 */
export const UNLINK_ACTIONS = `UNWIND $ids AS id
MATCH (a:Action {id: id})
CALL (a) {
  MATCH (a)-[r]->()
  DELETE r
}
CALL (a) {
  MATCH (:Actor)-[r]->(a)
  DELETE r
}`;

/** Creates or overwrites actions' properties: $rows of {id, props}. */
export const UPSERT_ACTIONS = `UNWIND $rows AS row
MERGE (a:Action {id: row.id})
SET a = row.props`;

/**
 * Creates new actions with their ends, citations, claims and disputes in one statement: $rows of
 * {props, citations ({source, stance, locator, quote}), claimants, disputants} (ids, each once),
 * the ends found by the props' fromId and toId. Returns how many were created (both ends found)
 * and how many citations, claims and disputes were linked (references found), for the caller to
 * check. An import's new actions take one statement per batch instead of five; CREATE, not MERGE,
 * for the node and its relationships: the caller checked the actions are new (the uniqueness
 * constraint refuses a concurrent create), so there is nothing to merge with, and MERGE of a claim
 * expands the claimant's relationships (80,000 db hits per 5,000 rows at M). Response links and
 * episodes follow (LINK_ACTION_RESPONSES, LINK_ACTION_EPISODES): a response may name an action of
 * the same batch.
 */
export const CREATE_ACTIONS_LINKED = `UNWIND $rows AS row
MATCH (f:Actor {id: row.props.fromId})
MATCH (t:Actor {id: row.props.toId})
CREATE (f)-[:ACTED]->(a:Action)-[:ACTED_ON]->(t)
SET a = row.props
WITH a, row
CALL (a, row) {
  UNWIND row.citations AS c
  MATCH (s:Source {id: c.source})
  CREATE (a)-[r:CITES]->(s)
  SET r.stance = c.stance, r.locator = c.locator, r.quote = c.quote
  RETURN count(*) AS cited
}
CALL (a, row) {
  UNWIND row.claimants AS actorId
  MATCH (c:Actor {id: actorId})
  CREATE (c)-[:CLAIMS]->(a)
  RETURN count(*) AS claimed
}
CALL (a, row) {
  UNWIND row.disputants AS actorId
  MATCH (d:Actor {id: actorId})
  CREATE (d)-[:DISPUTES]->(a)
  RETURN count(*) AS disputed
}
RETURN count(*) AS created, sum(cited) AS cited, sum(claimed) AS claimed, sum(disputed) AS disputed`;

/** Links actions to their two ends: $rows of {id, from, to}; returns how many were linked. */
export const LINK_ACTION_ENDS = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
MATCH (f:Actor {id: row.from})
MATCH (t:Actor {id: row.to})
CREATE (f)-[:ACTED]->(a)-[:ACTED_ON]->(t)
RETURN count(*) AS linked`;

/**
 * Links actions to the sources they cite: $rows of {id, citations} (as CREATE_ACTIONS_LINKED);
 * returns how many sources resolved. A source is cited at most once per action (the contract).
 */
export const LINK_ACTION_SOURCES = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
UNWIND row.citations AS c
MATCH (s:Source {id: c.source})
CREATE (a)-[r:CITES]->(s)
SET r.stance = c.stance, r.locator = c.locator, r.quote = c.quote
RETURN count(*) AS linked`;

/** Links actions to the actors who claim them: $rows of {id, ids}. */
export const LINK_ACTION_CLAIMANTS = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
UNWIND row.ids AS actorId
MATCH (c:Actor {id: actorId})
MERGE (c)-[:CLAIMS]->(a)
RETURN count(*) AS linked`;

/** Links actions to the actors who dispute them: $rows of {id, ids}. */
export const LINK_ACTION_DISPUTANTS = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
UNWIND row.ids AS actorId
MATCH (d:Actor {id: actorId})
MERGE (d)-[:DISPUTES]->(a)
RETURN count(*) AS linked`;

/** Links actions to the actions they respond to: $rows of {id, ids}; returns how many targets resolved. */
export const LINK_ACTION_RESPONSES = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
UNWIND row.ids AS targetId
MATCH (t:Action {id: targetId})
MERGE (a)-[:RESPONDS_TO]->(t)
RETURN count(*) AS linked`;

/** Links actions to their episodes: $rows of {id, ids}; returns how many episodes resolved. */
export const LINK_ACTION_EPISODES = `UNWIND $rows AS row
MATCH (a:Action {id: row.id})
UNWIND row.ids AS episodeId
MATCH (e:Episode {id: episodeId})
MERGE (a)-[:IN_EPISODE]->(e)
RETURN count(*) AS linked`;

/** Labels, relationship types and property keys the statements may use (for the syntax test). */
export const MODEL_VOCABULARY = {
  labels: ['Actor', 'Source', 'Action', 'Episode', 'ChangeCounter'],
  relationshipTypes: ['ACTED', 'ACTED_ON', 'CITES', 'CLAIMS', 'DISPUTES', 'RESPONDS_TO', 'IN_EPISODE'],
  propertyKeys: [
    'id',
    'name',
    'kind',
    'layer',
    'aliases',
    'description',
    'wikidata',
    'searchText',
    'title',
    'publisher',
    'author',
    'published',
    'url',
    'type',
    'date',
    'timezone',
    'category',
    'status',
    'summary',
    'claimedBy',
    'disputedBy',
    'respondsTo',
    'episodes',
    'scope',
    'term',
    'reason',
    'citationsJson',
    'detailsJson',
    'dateStart',
    'spanEnd',
    'localStart',
    'localEnd',
    'stance',
    'locator',
    'quote',
    'triggerText',
    'triggerWikidata',
    'endDate',
    'sourceIds',
    'fromId',
    'toId',
    'value',
  ],
  /** Keys of the maps in $rows parameters and of the maps statements return (the parser counts them as property keys too). */
  rowKeys: [
    'props',
    'ids',
    'from',
    'to',
    'citations',
    'source',
    'claimants',
    'disputants',
    'actor',
    'degree',
    'action',
    'fromId',
    'toId',
    'episode',
  ],
} as const;

// ---- tests ---------------------------------------------------------------------------------------

/** Deletes up to 10,000 records of the model (run until it deletes none); for test isolation only. */
export const WIPE_BATCH = `MATCH (n)
WHERE n:Actor OR n:Source OR n:Action OR n:Episode
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted`;
