/**
 * Evidence spans ([start, end) in UTF-16 code units, as the extractor answers them) turned into
 * what the panel shows and what a citation keeps: the text cut into highlighted segments, a
 * locator naming the offsets, and a short quote.
 */
import type { TextSpan } from '../../../contract';

/** A span as given, or null when it does not fit in a text of `length` (so a bad offset highlights nothing). */
export function fitSpan([start, end]: TextSpan, length: number): TextSpan | null {
  const s = Math.max(0, Math.min(start, length));
  const e = Math.max(0, Math.min(end, length));
  return e > s ? [s, e] : null;
}

export interface Mark {
  /** The proposal (or actor) the words belong to. */
  key: string;
  span: TextSpan;
}

export interface Segment {
  start: number;
  end: number;
  /** Keys of every mark covering this stretch, in the order the marks were given; empty for plain text. */
  keys: string[];
}

/**
 * Cuts [0, length) at every mark's ends, so overlapping evidence (two proposals from one sentence)
 * shows as stretches that each list all the proposals covering them.
 */
export function segments(length: number, marks: readonly Mark[]): Segment[] {
  const fitted = marks.flatMap((m) => {
    const span = fitSpan(m.span, length);
    return span ? [{ key: m.key, span }] : [];
  });
  const cuts = new Set<number>([0, length]);
  for (const m of fitted) {
    cuts.add(m.span[0]);
    cuts.add(m.span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const keys = [...new Set(fitted.filter((m) => m.span[0] <= start && m.span[1] >= end).map((m) => m.key))];
    const last = out[out.length - 1];
    // Neighbours with the same keys are one stretch: fewer elements, and one mark per passage.
    if (last && last.end === start && sameKeys(last.keys, keys)) last.end = end;
    else out.push({ start, end, keys });
  }
  return out;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** Spans sorted, with overlapping or touching ones joined. */
export function mergeSpans(spans: readonly TextSpan[], length = Infinity): TextSpan[] {
  const sorted = spans
    .map((s) => fitSpan(s, length))
    .filter((s): s is TextSpan => s !== null)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextSpan[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export const LOCATOR_MAX = 200;

/**
 * A citation's locator naming the evidence by its character offsets: `chars 120-158, 301-340`.
 * Passages that would take it past 200 characters are left out and counted (`and 3 more`), so the
 * locator stays valid and still says where the first ones are.
 */
export function locatorOf(spans: readonly TextSpan[], length = Infinity): string | undefined {
  const merged = mergeSpans(spans, length);
  if (merged.length === 0) return undefined;
  const parts = merged.map(([s, e]) => `${s}-${e}`);
  for (let n = parts.length; n > 0; n--) {
    const rest = parts.length - n;
    const text = `chars ${parts.slice(0, n).join(', ')}${rest ? ` and ${rest} more` : ''}`;
    if (text.length <= LOCATOR_MAX) return text;
  }
  return undefined;
}

export const QUOTE_MAX_WORDS = 25;

/**
 * The words of the first evidence passage, as the report has them, cut to 25 words (the datasets'
 * limit for a quote) with an ellipsis marking the cut; undefined when there is no evidence.
 */
export function quoteOf(text: string, spans: readonly TextSpan[]): string | undefined {
  const first = mergeSpans(spans, text.length)[0];
  if (!first) return undefined;
  const words = text.slice(first[0], first[1]).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const quote = words.length <= QUOTE_MAX_WORDS ? words.join(' ') : `${words.slice(0, QUOTE_MAX_WORDS).join(' ')}…`;
  // A citation's quote holds at most 500 characters, whatever a "word" in the text is.
  return quote.length <= QUOTE_MAX_CHARS ? quote : `${quote.slice(0, QUOTE_MAX_CHARS - 1)}…`;
}

const QUOTE_MAX_CHARS = 500;
