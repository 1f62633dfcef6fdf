/**
 * The cascade against one actor (model v2, "Cascade"), computed from the actions against it that
 * a store found: the pure part both stores share, so their answers agree.
 */
import type { Action, CascadeAnswer, CascadeEntry, Layer } from '../../contract';
import type { Precedence } from './chains';

/** The categories a cascade lists: what was done to the target, and what undid it. */
export const CASCADE_CATEGORIES = ['sanction', 'notice', 'restoration'] as const;

export interface CascadeRules {
  /** The action's instants [start, end], null when undated. */
  span: (a: Action) => { start: number; end: number } | null;
  precedence: (a: Action, b: Action) => Precedence;
  category: (a: Action) => string;
  /** The ids an action responds to. */
  respondsTo: (a: Action) => readonly string[];
}

/**
 * `entries` are the target's cascade actions in timeline order; `layerOf` gives each actor's
 * layer; `responsesOf` the ids responding to an action (timeline order); `linked` the records of
 * the actions the entries name that are not entries.
 */
export function cascadeOf(
  target: string,
  entries: readonly Action[],
  layerOf: (actor: string) => Layer | undefined,
  responsesOf: (id: string) => readonly string[],
  linked: readonly Action[],
  rules: CascadeRules,
): CascadeAnswer {
  const first = entries[0] ? rules.span(entries[0]) : null;
  const since = (a: Action): number | null => {
    const span = rules.span(a);
    return first && span ? span.start - first.start : null;
  };
  const out: CascadeEntry[] = entries.map((action, i) => {
    // Timeline order never puts an action after one that certainly follows it, so the verdict
    // here is certain or possible; a contradiction in the data reads as merely possible.
    const order = i === 0 ? null : rules.precedence(entries[i - 1]!, action) === 'certain' ? 'certain' : 'possible';
    return {
      action,
      layer: layerOf(action.from) ?? null,
      sinceFirstMs: since(action),
      order,
      respondsTo: [...rules.respondsTo(action)],
      responses: [...responsesOf(action.id)],
    };
  });
  const sanctions = entries.filter((a) => rules.category(a) === 'sanction');
  // An undated sanction cannot be placed in time, so it is neither first nor last.
  const dated = sanctions.filter((a) => rules.span(a) !== null);
  const firstSanction = dated[0];
  const lastSanction = dated[dated.length - 1];
  const spanOf = (a: Action | undefined) => (a ? rules.span(a) : null);
  const a = spanOf(firstSanction);
  const b = spanOf(lastSanction);
  const layers: Layer[] = [];
  for (const s of sanctions) {
    const layer = layerOf(s.from);
    if (layer && !layers.includes(layer)) layers.push(layer);
  }
  return {
    target,
    entries: out,
    summary: {
      firstSanction: firstSanction?.id ?? null,
      lastSanction: lastSanction?.id ?? null,
      spanMs: a && b ? b.start - a.start : null,
      layers,
    },
    linked: [...linked],
  };
}
