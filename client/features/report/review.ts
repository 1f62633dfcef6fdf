/**
 * What the person reviewing a report has decided so far: the proposals of POST /api/extract as
 * editable rows, and the new actors they name, each to be confirmed before it can be saved. Plain
 * data, changed by the panel and read by the import builder, so both can be tested without a page.
 */
import type { ActionType, ActorKind, ExtractAnswer, ProposedActorRef, Status, TextSpan } from '../../../contract';

/** An actor a row points at: one already in the graph, or one of the report's new actors. */
export type ActorRef = { kind: 'known'; id: string } | { kind: 'new'; key: string };

export interface NewActorDraft {
  key: string;
  /** The name as the report writes it. */
  name: string;
  id: string;
  kind: ActorKind;
  /** Nothing names a new actor in a save until a person has looked at its id, name and kind. */
  confirmed: boolean;
  mentions: TextSpan[];
}

export type Decision = 'open' | 'accepted' | 'rejected';

export interface ActionDraft {
  key: string;
  type: ActionType;
  from: ActorRef;
  to: ActorRef;
  /** EDTF, or '' for none. */
  date: string;
  status: Status;
  claimedBy: ActorRef[];
  disputedBy: ActorRef[];
  /** Keys of other proposals this one answers. */
  respondsTo: string[];
  evidence: TextSpan[];
  confidence: number;
  /** '' until the person writes one: the builder then words it from the row. */
  summary: string;
  decision: Decision;
  /** Whether the person changed what was proposed (shown on the row). */
  corrected: boolean;
  /** Added by the person for something the extractor missed, not proposed. */
  manual?: boolean;
}

export interface Review {
  /** The text exactly as proposed from: every span indexes it. */
  text: string;
  actions: ActionDraft[];
  newActors: NewActorDraft[];
  /** Names of the known actors the answer mentions, for labels. */
  knownNames: Map<string, string>;
}

/** A slug as ids must be (lowercase ASCII letters, digits, single hyphens), or '' when nothing is left. */
export function slugify(name: string, max = 64): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** Names compare as the extractor matches them: case, accents, spacing and a leading article aside. */
export function nameKey(name: string): string {
  return slugify(name, 1000).replace(/^the-/, '');
}

export function reviewFromAnswer(text: string, answer: ExtractAnswer): Review {
  const newActors: NewActorDraft[] = [];
  const byName = new Map<string, NewActorDraft>();
  const knownNames = new Map<string, string>();
  const addNew = (name: string, mentions: TextSpan[]): NewActorDraft => {
    const k = nameKey(name);
    const seen = byName.get(k);
    if (seen) {
      seen.mentions.push(...mentions);
      return seen;
    }
    const draft: NewActorDraft = {
      key: `n${newActors.length + 1}`,
      name,
      id: slugify(name),
      kind: 'company',
      confirmed: false,
      mentions: [...mentions],
    };
    newActors.push(draft);
    byName.set(k, draft);
    return draft;
  };
  for (const a of answer.actors) {
    if (a.id === null) addNew(a.name, a.mentions);
    else knownNames.set(a.id, a.name);
  }
  const ref = (r: ProposedActorRef): ActorRef => {
    if (r.id !== null) {
      if (!knownNames.has(r.id)) knownNames.set(r.id, r.name);
      return { kind: 'known', id: r.id };
    }
    return { kind: 'new', key: addNew(r.name, []).key };
  };
  const actions = answer.actions.map((p): ActionDraft => ({
    key: p.key,
    type: p.type,
    from: ref(p.from),
    to: ref(p.to),
    date: p.date ?? '',
    status: p.status,
    claimedBy: p.claimedBy.map(ref),
    disputedBy: [],
    respondsTo: [...p.respondsTo],
    evidence: p.evidence.map(([s, e]): TextSpan => [s, e]),
    confidence: p.confidence,
    summary: '',
    decision: 'open',
    corrected: false,
  }));
  return { text, actions, newActors, knownNames };
}

/** A ref as a select's value and back: `actor:<id>` or `new:<key>`. */
export const refValue = (r: ActorRef): string => (r.kind === 'known' ? `actor:${r.id}` : `new:${r.key}`);
export function refFromValue(v: string): ActorRef | null {
  if (v.startsWith('actor:') && v.length > 6) return { kind: 'known', id: v.slice(6) };
  if (v.startsWith('new:') && v.length > 4) return { kind: 'new', key: v.slice(4) };
  return null;
}

/** The name a row shows for an actor. */
export function refName(review: Review, r: ActorRef, names: (id: string) => string = (id) => id): string {
  if (r.kind === 'known' && r.id === '') return '(who?)';
  if (r.kind === 'new') return review.newActors.find((n) => n.key === r.key)?.name ?? r.key;
  return review.knownNames.get(r.id) ?? names(r.id);
}

/** An action the extractor missed, added by the person from the words they selected (if any). */
export function addManualAction(review: Review, evidence: TextSpan[]): ActionDraft {
  const n = review.actions.filter((a) => a.manual).length + 1;
  // No guess at who acted: the row asks for both actors, and the builder refuses it until chosen.
  const none: ActorRef = { kind: 'known', id: '' };
  const draft: ActionDraft = {
    key: `u${n}`,
    type: 'BANNED',
    from: none,
    to: none,
    date: '',
    status: 'reported',
    claimedBy: [],
    disputedBy: [],
    respondsTo: [],
    evidence,
    confidence: 1,
    summary: '',
    decision: 'open',
    corrected: false,
    manual: true,
  };
  review.actions.push(draft);
  return draft;
}

/** A new actor the extractor missed, named by the words the person selected; an actor of that name already listed is returned instead. */
export function addManualActor(review: Review, name: string, span: TextSpan | null): NewActorDraft {
  const k = nameKey(name);
  const seen = review.newActors.find((n) => nameKey(n.name) === k);
  if (seen) {
    if (span && !seen.mentions.some(([a, b]) => a === span[0] && b === span[1])) seen.mentions.push(span);
    return seen;
  }
  let i = review.newActors.length + 1;
  while (review.newActors.some((n) => n.key === `n${i}`)) i++;
  const draft: NewActorDraft = { key: `n${i}`, name, id: slugify(name), kind: 'company', confirmed: false, mentions: span ? [span] : [] };
  review.newActors.push(draft);
  return draft;
}
