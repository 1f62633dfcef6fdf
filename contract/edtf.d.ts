/** The part of the `edtf` package (no bundled types) the contract uses: its parser's output. */
declare module 'edtf' {
  export interface EdtfDateNode {
    type: 'Date';
    level: number;
    /** Year, month (0-based), day, hour, minute, second, millisecond: as many as were written. */
    values: number[];
    /** Minutes east of UTC, when the value named an offset (`timeZone` is then set too). */
    offset?: number;
    timeZone?: string;
    uncertain?: boolean;
    approximate?: boolean;
    /** Bitmask of the digits written as X: bits 0-3 the year, 4-5 the month, 6-7 the day. */
    unspecified?: number;
  }
  export interface EdtfIntervalNode {
    type: 'Interval';
    level: number;
    /** Lower and upper end; ±Infinity for an open end (`..`), null for an unknown (empty) one. */
    values: [EdtfDateNode | number | null, EdtfDateNode | number | null];
  }
  export type EdtfNode = EdtfDateNode | EdtfIntervalNode | { type: string; level: number; values: unknown[] };
  export function parse(input: string, options?: { level?: 0 | 1 | 2 }): EdtfNode;
}
