/**
 * Reading a URL query for the view state, shared by the common fields (url.ts) and each mode's
 * own fields (client/modes/<id>/mode.ts). A value that does not parse is reported by name and
 * dropped, never guessed.
 */
import { ID_PATTERN, isParsedDate, parseDate } from '../../contract';

export interface QueryReader {
  /** The raw value, or null when absent. */
  get(name: string): string | null;
  /** An id (slug), or null when absent or not an id (then reported). */
  id(name: string): string | null;
  /** An interchange date, or null when absent or not a date (then reported). */
  date(name: string): string | null;
  /** A comma-separated list, empty items left out. */
  list(name: string): string[];
  /** Reports a parameter as present but not understood. */
  ignore(name: string): void;
}

export function oneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

export function queryReader(search: string): { reader: QueryReader; ignored: string[] } {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const reader: QueryReader = {
    get: (name) => q.get(name),
    id(name) {
      const v = q.get(name);
      if (v === null || v === '') return null;
      if (ID_PATTERN.test(v)) return v;
      ignored.push(name);
      return null;
    },
    date(name) {
      const v = q.get(name);
      if (!v) return null;
      if (isParsedDate(parseDate(v))) return v;
      ignored.push(name);
      return null;
    },
    list(name) {
      const v = q.get(name);
      return v
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    },
    ignore: (name) => void ignored.push(name),
  };
  return { reader, ignored };
}
