/**
 * The rules of response links beyond existence: a response cannot end before what it responds to
 * begins, and links never close a cycle. Both read the stored actions the links reach, through
 * the lookup, so they run inside the write's transaction (or queue turn) like every other rule.
 */
import { responseCycle, responseDateProblem, type Action, type Problem } from '../../../contract';
import type { RecordLookup } from './lookup';
import type { Turns } from '../../loop-turn';

/**
 * Problems of the actions' respondsTo, the actions being written together (they override stored
 * ones); and of the stored actions responding to a written one, which its new date may make
 * impossible.
 */
export async function responseProblems(
  actions: readonly Action[],
  lookup: RecordLookup,
  pathOf: (index: number) => string = (i) => `actions[${i}].`,
  turns?: Turns,
): Promise<Problem[]> {
  const written = new Map(actions.map((a) => [a.id, a]));
  await turns?.maybe();
  const stored = new Map<string, Action | null>();
  const fetch = async (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !written.has(id) && !stored.has(id));
    if (!missing.length) return;
    const found = await lookup.records('action', missing);
    for (const id of missing) stored.set(id, found.get(id) ?? null);
  };
  const get = (id: string) => written.get(id) ?? stored.get(id) ?? undefined;

  // Every action the links reach, loaded layer by layer, so the cycle search below reads memory.
  let frontier = actions.flatMap((a) => a.respondsTo ?? []);
  const seen = new Set(frontier);
  while (frontier.length) {
    await fetch(frontier);
    const next: string[] = [];
    for (const id of frontier) {
      for (const t of get(id)?.respondsTo ?? []) {
        if (!seen.has(t)) {
          seen.add(t);
          next.push(t);
        }
      }
    }
    frontier = next;
    await turns?.maybe();
  }

  const problems: Problem[] = [];
  // A stored response to a record being replaced must stay possible under the record's new date
  // (asked only where the date or zone changes, so a repeated import asks nothing more).
  const old = await lookup.records(
    'action',
    actions.filter((a) => a.date !== undefined).map((a) => a.id),
  );
  for (const [i, a] of actions.entries()) {
    if (turns && i % 256 === 0) await turns.maybe();
    const was = a.date === undefined ? undefined : old.get(a.id);
    if (!was || (was.date === a.date && was.timezone === a.timezone)) continue;
    const responders = ((await lookup.referencing('action', a.id)) ?? []).filter((id) => !written.has(id));
    if (!responders.length) continue;
    await fetch(responders);
    for (const id of [...responders].sort()) {
      const responder = get(id);
      if (responder && responseDateProblem(responder, a)) {
        problems.push({ path: `${pathOf(i)}date`, message: `would make "${id}" (which responds to this action) end before it begins` });
      }
    }
  }
  for (const [i, a] of actions.entries()) {
    if (turns && i % 256 === 0) await turns.maybe();
    a.respondsTo?.forEach((id, j) => {
      const target = get(id);
      const why = target && responseDateProblem(a, target);
      if (why) problems.push({ path: `${pathOf(i)}respondsTo[${j}]`, message: why });
    });
    if (a.respondsTo?.length) {
      const cycle = responseCycle(a.id, a.respondsTo, (id) => get(id)?.respondsTo);
      if (cycle) problems.push({ path: `${pathOf(i)}respondsTo`, message: `would close a cycle of responses: ${cycle.join(' → ')}` });
    }
  }
  return problems;
}
