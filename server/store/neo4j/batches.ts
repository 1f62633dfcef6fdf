/** Statements over many rows, cut into batches that one write transaction runs in turn. */
import type { Params, Row, Tx } from './db';

/**
 * Rows per UNWIND statement: big imports go in several statements of one transaction. Fewer,
 * bigger statements: each costs a round trip and a plan lookup; 5,000 rows of actions stay a few
 * MB of parameters.
 */
const BATCH = 5_000;

export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export async function runBatched<T>(tx: Tx, statement: string, rows: readonly T[], key = 'rows', extra: Params = {}): Promise<Row[]> {
  const out: Row[] = [];
  for (const chunk of chunks(rows)) out.push(...(await tx.run(statement, { ...extra, [key]: chunk })));
  return out;
}
