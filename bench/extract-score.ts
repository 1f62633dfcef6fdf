/**
 * Scores the extractor against gold codings: precision and recall of (from, to, category) triples
 * per report, and how often a proposal's date holds the true date. Used by `npm run eval:extract`
 * and by the score floor in tests/extract/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { categoryOf, isParsedDate, parseDate, type ActionType, type ExtractAnswer } from '../contract';
import { ActorIndex, extract, type ActorRecord, type Anchor, type Unit } from '../server/extract';
import { fold } from '../server/extract/text';

export interface GoldAction {
  type: ActionType;
  from: string;
  to: string;
  date?: string | null;
}

export interface GoldReport {
  name: string;
  text: string;
  published?: string;
  /** Set on reports kept out of rule writing: when and why. */
  heldOut?: string;
  actions: GoldAction[];
}

export interface Score {
  reports: number;
  gold: number;
  proposed: number;
  matched: number;
  precision: number;
  recall: number;
  /** Matched triples whose gold has a date. */
  dated: number;
  /** Of those, the ones whose proposed date holds the true date. */
  dateHeld: number;
  /** Wall-clock milliseconds spent extracting. */
  ms: number;
}

const DAY = 86_400_000;

/** Every actor of the seed and of the dataset's episodes, aliases merged by id, and their OWNS actions: the store after `npm run seed`. */
export function datasetActors(root: string): ActorIndex {
  const files = [path.join(root, 'graph-seed', 'seed.json')];
  const episodes = path.join(root, 'graph-seed', 'episodes');
  for (const f of fs.readdirSync(episodes).sort()) if (f.endsWith('.json')) files.push(path.join(episodes, f));
  const byId = new Map<string, ActorRecord>();
  const units = new Map<string, Unit>();
  for (const f of files) {
    const doc = JSON.parse(fs.readFileSync(f, 'utf8')) as { actors: ActorRecord[]; actions: GoldAction[] };
    for (const a of doc.actions) if (a.type === 'OWNS') units.set(`${a.from}|${a.to}`, [a.from, a.to]);
    for (const a of doc.actors) {
      const prev = byId.get(a.id);
      byId.set(a.id, prev ? { ...prev, aliases: [...new Set([...(prev.aliases ?? []), ...(a.aliases ?? [])])] } : a);
    }
  }
  return new ActorIndex([...byId.values()], [...units.values()]);
}

export function anchorOf(published: string | undefined): Anchor | null {
  if (!published) return null;
  const p = parseDate(published);
  if (!isParsedDate(p)) throw new Error(`bad published date ${published}`);
  return { first: Math.floor(p.start / DAY) * DAY, last: Math.floor(p.end / DAY) * DAY };
}

/** The local span of a date, or null. */
function span(date: string | null | undefined): { start: number; end: number } | null {
  if (!date) return null;
  const p = parseDate(date);
  return isParsedDate(p) && Number.isFinite(p.local.start) && Number.isFinite(p.local.end) ? p.local : null;
}

const tripleOf = (from: string, to: string, type: ActionType) => `${from}|${to}|${categoryOf(type)}`;

/**
 * Parent and unit as one actor: a report says "Amazon" where the seed's coder chose its unit
 * "Amazon Web Services". Read from the dataset's OWNS actions (unit id → parent id).
 */
export function corporateFamilies(root: string): Map<string, string> {
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'graph-seed', 'seed.json'), 'utf8')) as SeedDoc;
  return new Map(seed.actions.filter((a) => a.type === 'OWNS').map((a) => [a.to, a.from]));
}

const nameWords = (key: string) => fold(key.slice(4)).split(/\s+/u);

/**
 * Loose names: a proposed new actor whose name's words open or are opened by those of exactly one
 * new actor of the gold ("Ugandan" for "Ugandan government", "Epic Games" for "Epic") counts as
 * that one. Gives a second view of a score, how much of it the spelling of new names costs; the
 * strict one stays the figure.
 */
function looseNames(gold: GoldReport): (key: string) => string {
  const golds = [...new Set(gold.actions.flatMap((a) => [a.from, a.to]).filter((k) => k.startsWith('new:')))];
  const opens = (a: string[], b: string[]) => a.length < b.length && a.every((w, i) => w === b[i]);
  return (key) => {
    if (!key.startsWith('new:') || golds.includes(key)) return key;
    const words = nameWords(key);
    const hits = golds.filter((g) => opens(words, nameWords(g)) || opens(nameWords(g), words));
    return hits.length === 1 ? hits[0]! : key;
  };
}

/** Scores one answer against one report's gold; counts add up over reports. */
export function scoreReport(
  gold: GoldReport,
  answer: ExtractAnswer,
  families = new Map<string, string>(),
  loose = false,
): Omit<Score, 'precision' | 'recall' | 'reports' | 'ms'> {
  const id = (x: string) => families.get(x) ?? x;
  const named = loose ? looseNames(gold) : (x: string) => x;
  const goldTriples = new Map<string, GoldAction[]>();
  for (const g of gold.actions) {
    const k = tripleOf(id(g.from), id(g.to), g.type);
    goldTriples.set(k, [...(goldTriples.get(k) ?? []), g]);
  }
  const proposed = new Map<string, string[]>();
  for (const a of answer.actions) {
    const k = tripleOf(id(named(a.from.id ?? `new:${a.from.name}`)), id(named(a.to.id ?? `new:${a.to.name}`)), a.type);
    proposed.set(k, [...(proposed.get(k) ?? []), ...(a.date ? [a.date] : [])]);
  }
  let matched = 0;
  let dated = 0;
  let dateHeld = 0;
  for (const [k, golds] of goldTriples) {
    const dates = proposed.get(k);
    if (!dates) continue;
    matched++;
    const truths = golds.map((g) => span(g.date)).filter((s): s is NonNullable<typeof s> => s !== null);
    if (!truths.length) continue;
    dated++;
    const held = dates.some((d) => {
      const p = span(d);
      return p !== null && truths.some((t) => p.start <= t.start && p.end >= t.end);
    });
    if (held) dateHeld++;
  }
  return { gold: goldTriples.size, proposed: proposed.size, matched, dated, dateHeld };
}

/**
 * What one answer got wrong against its gold, a line each: gold triples missed, triples proposed
 * that the gold does not hold, and matched triples whose date misses the true one. For reading
 * failures (`npm run eval:extract -- --detail <report name prefix>`), not for scoring.
 */
export function misses(gold: GoldReport, answer: ExtractAnswer, families = new Map<string, string>()): string[] {
  const id = (x: string) => families.get(x) ?? x;
  const proposed = new Map<string, Array<string | null>>();
  for (const a of answer.actions) {
    const k = tripleOf(id(a.from.id ?? `new:${a.from.name}`), id(a.to.id ?? `new:${a.to.name}`), a.type);
    proposed.set(k, [...(proposed.get(k) ?? []), a.date ?? null]);
  }
  const out: string[] = [];
  const goldKeys = new Set<string>();
  for (const g of gold.actions) {
    const k = tripleOf(id(g.from), id(g.to), g.type);
    goldKeys.add(k);
    const dates = proposed.get(k);
    if (!dates) out.push(`missed  ${g.type} ${g.from} -> ${g.to} (${g.date ?? 'no date'})`);
    else {
      const t = span(g.date);
      const held =
        !t ||
        dates.some((d) => {
          const p = span(d);
          return p !== null && p.start <= t.start && p.end >= t.end;
        });
      if (!held)
        out.push(`date    ${g.type} ${g.from} -> ${g.to}: gold ${g.date}, proposed ${dates.map((d) => d ?? 'no date').join(' | ')}`);
    }
  }
  for (const a of answer.actions) {
    const k = tripleOf(id(a.from.id ?? `new:${a.from.name}`), id(a.to.id ?? `new:${a.to.name}`), a.type);
    if (goldKeys.has(k)) continue;
    const words = a.evidence.map(([s, e]) => gold.text.slice(s, e)).join(' … ');
    out.push(
      `extra   ${a.type} ${a.from.id ?? `new:${a.from.name}`} -> ${a.to.id ?? `new:${a.to.name}`} (${a.date ?? 'no date'}): "${words}"`,
    );
  }
  return out;
}

export function scoreAll(reports: GoldReport[], index: ActorIndex, families = new Map<string, string>(), loose = false): Score {
  const total = { reports: reports.length, gold: 0, proposed: 0, matched: 0, dated: 0, dateHeld: 0, ms: 0 };
  for (const r of reports) {
    const t0 = performance.now();
    const answer = extract(r.text, index, anchorOf(r.published));
    total.ms += performance.now() - t0;
    const s = scoreReport(r, answer, families, loose);
    total.gold += s.gold;
    total.proposed += s.proposed;
    total.matched += s.matched;
    total.dated += s.dated;
    total.dateHeld += s.dateHeld;
  }
  return { ...total, precision: total.proposed ? total.matched / total.proposed : 1, recall: total.gold ? total.matched / total.gold : 1 };
}

function allGold(root: string): GoldReport[] {
  const dir = path.join(root, 'tests', 'extract', 'gold');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      ...(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Omit<GoldReport, 'name'>),
    }));
}

/** The gold reports written for this project (tests/extract/gold/*.json) that the rules were written against. */
export function goldReports(root: string): GoldReport[] {
  return allGold(root).filter((r) => r.heldOut === undefined);
}

/**
 * Gold reports written before a round of rule changes and not looked at while making them
 * (`heldOut` says when): their score says how optimistic the others' is. Each set is scored apart,
 * in the order the sets were written (`heldout-*` is set 1, `heldoutN-*` set N), because a set
 * stops being held out once its failures have guided a later round of rules.
 */
export function heldOutSets(root: string): Array<{ set: number; prefix: string; reports: GoldReport[] }> {
  const sets = new Map<number, GoldReport[]>();
  for (const r of allGold(root)) {
    const m = r.heldOut === undefined ? null : /^heldout(\d*)-/.exec(r.name);
    if (!m) continue;
    const set = m[1] ? Number(m[1]) : 1;
    sets.set(set, [...(sets.get(set) ?? []), r]);
  }
  return [...sets].sort(([a], [b]) => a - b).map(([set, reports]) => ({ set, prefix: set === 1 ? 'heldout-' : `heldout${set}-`, reports }));
}

interface SeedDoc {
  sources: Array<{ id: string; published?: string }>;
  actions: Array<GoldAction & { citations: Array<{ source: string }> }>;
}

/**
 * The five seed articles (../shared/source-articles/NNN_*.txt), each against the seed graph's
 * actions that cite it (source ids src-NNN-*); an empty list when the folder is absent.
 */
export function seedArticleReports(root: string): GoldReport[] {
  // The checkout's sibling folder; a worktree sits one level deeper (SOURCE_ARTICLES names it outright).
  const articles = [
    process.env.SOURCE_ARTICLES,
    path.join(root, '..', 'shared', 'source-articles'),
    path.join(root, '..', '..', 'shared', 'source-articles'),
  ].find((d): d is string => !!d && fs.existsSync(d));
  if (!articles) return [];
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'graph-seed', 'seed.json'), 'utf8')) as SeedDoc;
  const out: GoldReport[] = [];
  for (const f of fs.readdirSync(articles).sort()) {
    const m = /^(\d{3})_.*\.txt$/.exec(f);
    if (!m) continue;
    const source = seed.sources.find((s) => s.id.startsWith(`src-${m[1]}-`));
    if (!source) continue;
    const actions = seed.actions.filter((a) => a.citations.some((c) => c.source === source.id));
    out.push({ name: f, text: fs.readFileSync(path.join(articles, f), 'utf8'), published: source.published, actions });
  }
  return out;
}
