/**
 * Words and sentences of a report, each with its UTF-16 offsets into the text as given, so every
 * proposal can point back at the exact characters it comes from. Plain regular expressions, linear
 * in the text: a 1 MB body of one word or of markup costs one pass, never a backtracking blow-up.
 */

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, accents removed: what rules and names are compared with. */
  norm: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of its first token in the text's token list, and one past its last. */
  first: number;
  last: number;
}

// Letters and digits, joined by inner dots, ampersands, hyphens, slashes and underscores ("Amazon.com",
// "r/DonaldTrump", "r/The_Donald", "AT&T", "de-platformed"): handles and forum names are one word.
// An apostrophe ends a word, so "Parler's" is "Parler" then "s", except after a lone O or D
// opening a surname ("O'Sullivan", "D'Souza"), which would else lose its first letter.
const WORD = /(?:[OD]['’](?=\p{Lu}))?[\p{L}\p{N}]+(?:[.&/_-][\p{L}\p{N}]+)*/gu;

/** Case and accents folded the way actor search folds them (contract/search.ts). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Is token `k` the "s" of a possessive ("Gab's": "Gab", then "s" right after an apostrophe)? */
export function apostropheS(text: string, tokens: readonly Token[], k: number): boolean {
  return k > 0 && tokens[k]?.norm === 's' && /^['’]$/u.test(text.slice(tokens[k - 1]!.end, tokens[k].start));
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], norm: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'vs',
  'v',
  'no',
  'u.s',
  'e.g',
  'i.e',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'gen',
  'gov',
  'sen',
  'rep',
  'p.m',
  'a.m',
  'wash',
  'calif',
  'u.s.c',
  'd.c',
  'n.y',
]);

/**
 * Sentences end at . ! ? (with closing quotes) followed by white space and a capital, digit or quote,
 * or at a line break (a headline or a paragraph has no full stop of its own); a single letter or a known abbreviation before the full stop does not end one.
 */
export function sentences(text: string, tokens: Token[]): Sentence[] {
  const cuts: number[] = [];
  const boundary = /([.!?…]+["'”’)\]]*)(?=\s+["“'‘([]?[\p{Lu}\p{N}])|\n/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index + m[0].length;
    if (m[1]?.startsWith('.') && m[1].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      const word = fold(before);
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
    }
    cuts.push(at);
  }
  cuts.push(text.length);
  const out: Sentence[] = [];
  let start = 0;
  let t = 0;
  for (const cut of bounded(text, cuts)) {
    if (cut <= start) continue;
    const first = t;
    while (t < tokens.length && tokens[t]!.start < cut) t++;
    if (t > first) out.push({ start: tokens[first]!.start, end: sentenceEnd(text, tokens[t - 1]!.end, cut), first, last: t });
    start = cut;
  }
  return out;
}

// No sentence of a report runs past this many characters; a longer run (a page with no full stop,
// a list, a hostile body) is cut into pieces, since a clause is read to its sentence's end for each
// verb in it: unbounded, one 1 MB "sentence" costs minutes.
export const MAX_SENTENCE = 1000;

/** The cuts, with every stretch longer than MAX_SENTENCE cut again: after its last ; : or , past half way, else at its last space, else anywhere. */
function bounded(text: string, cuts: number[]): number[] {
  const out: number[] = [];
  let start = 0;
  for (const cut of cuts) {
    while (cut - start > MAX_SENTENCE) {
      const piece = text.slice(start + MAX_SENTENCE / 2, start + MAX_SENTENCE);
      const mark = Math.max(piece.lastIndexOf(';'), piece.lastIndexOf(':'), piece.lastIndexOf(','));
      const space = piece.search(/\s\S*$/u);
      const at = start + MAX_SENTENCE / 2 + (mark >= 0 ? mark + 1 : space >= 0 ? space : piece.length);
      out.push(at);
      start = at;
    }
    if (cut > start) out.push(cut);
    start = Math.max(start, cut);
  }
  return out;
}

/** The sentence's end: its last word plus the closing punctuation up to the cut, without trailing space. */
function sentenceEnd(text: string, lastWordEnd: number, cut: number): number {
  let end = lastWordEnd;
  while (end < cut && /[.!?…"'”’)\]]/u.test(text[end]!)) end++;
  return end;
}
