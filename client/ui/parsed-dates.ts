/**
 * parseDate, remembered per text and zone. The EDTF grammar costs about a millisecond a date, and
 * the timeline reads each action's date several times (bins, spans, marks, labels): for a few
 * thousand actions that held the page for seconds after each load. Answers are shared, so
 * callers must not change them.
 */
import { parseDate } from '../../contract';

type Answer = ReturnType<typeof parseDate>;

/** Past this many entries the memory is dropped and refilled: dates of old graphs go with it. */
const MAX_ENTRIES = 50_000;
const memo = new Map<string, Answer>();

export function parseDateOnce(text: string, zone?: string): Answer {
  const key = zone === undefined ? text : `${text}\u0000${zone}`;
  let answer = memo.get(key);
  if (answer === undefined) {
    if (memo.size >= MAX_ENTRIES) memo.clear();
    answer = parseDate(text, zone);
    memo.set(key, answer);
  }
  return answer;
}
