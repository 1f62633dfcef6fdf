/**
 * The one import a reviewed report becomes: its source, the new actors the accepted proposals
 * name (once confirmed), and the accepted actions, each citing the source with the evidence's
 * offsets as locator and, when asked, a short quote. Checked with the shared schemas before it is
 * sent; the server checks references and saves all of it or nothing.
 */
import {
  ACTION_TYPES,
  INTERCHANGE_FORMAT,
  parseAction,
  parseActor,
  parseSource,
  problemText,
  type Action,
  type Actor,
  type InterchangeDocument,
  type Stance,
} from '../../../contract';
import { locatorOf, quoteOf } from './spans';
import { slugify, type ActionDraft, type ActorRef, type NewActorDraft, type Review } from './review';

export interface SourceDetails {
  title: string;
  publisher: string;
  /** EDTF; also what the extractor read relative dates against. */
  published: string;
  url: string;
  /** A source kind (news, court-filing, ...); news when left out. */
  kind?: string;
}

export interface ReportImportInput {
  review: Review;
  source: SourceDetails;
  /** Whether each citation carries the first evidence passage as its quote. */
  withQuotes: boolean;
  /** A known actor's name, for the summaries the builder words. */
  nameOf?: (id: string) => string;
}

export type ReportImport =
  | {
      ok: true;
      document: InterchangeDocument;
      /** Ids of the saved actions in the order of the rows. */
      actionIds: string[];
      /** The actor to focus on once saved: the target of the first accepted action. */
      focus: string;
    }
  | { ok: false; problems: string[] };

/** FNV-1a, 32 bits, in base 36: a short stable tag for ids derived from the report. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-6);
}

/**
 * Ids end in a tag of the report's text (the source) or of the source and the proposal (an
 * action): an import replaces a stored record of the same id, so a derived id must not land on
 * one another report made, while saving the same review twice gives the same ids (and changes nothing).
 */
export function sourceIdFor(text: string, title: string): string {
  return `src-${slugify(title, 48) || 'report'}-${shortHash(text)}`;
}

export function actionIdFor(sourceId: string, a: { key: string; type: string }, from: string, to: string): string {
  const verb = a.type.toLowerCase().replace(/_/g, '-');
  const base = slugify(`${from}-${verb}-${to}`, 56) || 'action';
  return `${base}-${shortHash(`${sourceId}|${a.key}`)}`;
}

/** The stance of the report towards the row: claims (and what is only alleged) are reported claims. */
export function stanceFor(a: Pick<ActionDraft, 'type' | 'status'>): Stance {
  if (a.status === 'confirmed') return 'states';
  if (a.status === 'alleged' || a.status === 'disputed') return 'reports-claim';
  return a.type === 'ACCUSED' ? 'reports-claim' : 'states';
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

export function buildReportImport({ review, source: details, withQuotes, nameOf = (id) => id }: ReportImportInput): ReportImport {
  const problems: string[] = [];
  const sourceId = sourceIdFor(review.text, details.title);
  const source = parseSource({
    id: sourceId,
    title: details.title.trim(),
    publisher: opt(details.publisher),
    published: opt(details.published),
    url: opt(details.url),
    kind: details.kind || 'news',
  });
  if (!source.ok) problems.push(...source.problems.map((p) => `source ${problemText(p)}`));

  const accepted = review.actions.filter((a) => a.decision === 'accepted');
  if (accepted.length === 0) problems.push('accept at least one proposal: only accepted proposals are saved');

  const newByKey = new Map(review.newActors.map((n) => [n.key, n]));
  const used = new Map<string, NewActorDraft>();
  const label = (a: ActionDraft) => `proposal ${review.actions.indexOf(a) + 1}`;
  const idOf = (r: ActorRef, where: string): string | null => {
    if (r.kind === 'known') {
      if (r.id) return r.id;
      problems.push(`${where}: choose an actor`);
      return null;
    }
    const n = newByKey.get(r.key);
    if (!n) {
      problems.push(`${where}: names an actor that is not in this report`);
      return null;
    }
    if (!n.confirmed) {
      problems.push(`${where}: confirm the new actor "${n.name}" (its id, name and kind) first`);
      return null;
    }
    used.set(n.key, n);
    return n.id.trim();
  };
  const nameOfRef = (r: ActorRef) =>
    r.kind === 'new' ? (newByKey.get(r.key)?.name ?? r.key) : (review.knownNames.get(r.id) ?? nameOf(r.id));

  const ids = new Map(accepted.map((a) => [a.key, '']));
  const resolved = accepted.map((a) => {
    const where = label(a);
    const from = idOf(a.from, `${where} from`);
    const to = idOf(a.to, `${where} to`);
    const claimedBy = a.claimedBy.map((r) => idOf(r, `${where} claimedBy`));
    const disputedBy = a.disputedBy.map((r) => idOf(r, `${where} disputedBy`));
    const id = actionIdFor(sourceId, a, from ?? 'x', to ?? 'x');
    ids.set(a.key, id);
    return { a, where, from, to, claimedBy, disputedBy, id };
  });

  const actions: Action[] = [];
  for (const { a, where, from, to, claimedBy, disputedBy, id } of resolved) {
    if (from === null || to === null || claimedBy.includes(null) || disputedBy.includes(null)) continue;
    const quote = withQuotes ? quoteOf(review.text, a.evidence) : undefined;
    const locator = locatorOf(a.evidence, review.text.length);
    // A response to a rejected (or undecided) proposal has nothing to point at: the link goes with it.
    const respondsTo = a.respondsTo.map((k) => ids.get(k)).filter((x): x is string => Boolean(x));
    const candidate = {
      id,
      type: a.type,
      from,
      to,
      ...(opt(a.date) ? { date: a.date.trim() } : {}),
      status: a.status,
      ...(claimedBy.length ? { claimedBy: [...new Set(claimedBy as string[])] } : {}),
      ...(disputedBy.length ? { disputedBy: [...new Set(disputedBy as string[])] } : {}),
      ...(respondsTo.length ? { respondsTo } : {}),
      summary:
        opt(a.summary) ??
        `${nameOfRef(a.from)} ${ACTION_TYPES[a.type].label} ${nameOfRef(a.to)}, as the report "${details.title.trim()}" has it.`.slice(
          0,
          1000,
        ),
      citations: [{ source: sourceId, stance: stanceFor(a), ...(locator ? { locator } : {}), ...(quote ? { quote } : {}) }],
    };
    const parsed = parseAction(candidate);
    if (parsed.ok) actions.push(parsed.value);
    else problems.push(...parsed.problems.map((p) => `${where} ${problemText(p)}`));
  }

  const actors: Actor[] = [];
  const seen = new Map<string, string>();
  for (const n of used.values()) {
    const parsed = parseActor({ id: n.id.trim(), name: n.name.trim(), kind: n.kind });
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `new actor "${n.name}" ${problemText(p)}`));
      continue;
    }
    const other = seen.get(parsed.value.id);
    if (other !== undefined) problems.push(`new actor "${n.name}": id "${parsed.value.id}" is also given to "${other}"`);
    seen.set(parsed.value.id, n.name);
    actors.push(parsed.value);
  }

  if (problems.length || !source.ok) return { ok: false, problems };
  const first = actions[0]!;
  return {
    ok: true,
    document: { format: INTERCHANGE_FORMAT, sources: [source.value], actors, actions },
    actionIds: actions.map((a) => a.id),
    focus: first.to,
  };
}
