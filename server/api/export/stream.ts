/**
 * Writes an export body to the response as it is produced, in batches, honouring backpressure:
 * when `res.write()` says the socket's buffer is full, production stops until 'drain'. A reader
 * that takes no data for `stallMs` is given up on (its connection destroyed), so a client that
 * never reads holds a few buffers, not a whole body, and not for ever. Between batches the event
 * loop gets a turn, so a large export for a fast reader does not hold it either.
 */
import type { Response } from 'express';
import type { Logger } from 'pino';
import { loopTurn } from '../../loop-turn';

/** Text is handed to the socket in batches of about this many characters. */
const BATCH_CHARS = 64 * 1024;
/**
 * The longest the producer runs before it lets the event loop serve others. A young-generation
 * collection of the export's garbage (15-30 ms at M) may land at the end of a slice, so a slice
 * takes well under half the 50 ms budget.
 */
const SLICE_MS = 10;

export interface StreamOptions {
  /** How long a reader may take no data before it is given up on. */
  stallMs: number;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** What is streamed, for the log. */
  what: string;
}

/** How a stream ended: written whole, the reader gone, the reader stalled past stallMs, or production failed. */
export type StreamEnd = 'done' | 'closed' | 'stalled' | 'failed';

/**
 * Resolves when the response can take more ('drain'), is gone ('close'), or after stallMs.
 * `drained` is a promise of the next 'drain', made by the one listener streamBody keeps: when the
 * answer is compressed, res.on('drain') listens on the compressor and res.off cannot reach it, so
 * a listener added and removed per wait would pile up there.
 */
function writable(res: Response, drained: Promise<void>, stallMs: number): Promise<'drain' | 'closed' | 'stalled'> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (how: 'drain' | 'closed' | 'stalled') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      res.off('close', onClose);
      resolve(how);
    };
    const onClose = () => finish('closed');
    const timer = setTimeout(() => finish('stalled'), stallMs);
    void drained.then(() => finish('drain'));
    res.on('close', onClose);
  });
}

/** One 'drain' listener for the whole stream; each call of next() is a promise of the next 'drain'. */
function drains(res: Response): { next(): Promise<void> } {
  let wake: (() => void) | null = null;
  res.on('drain', () => {
    wake?.();
    wake = null;
  });
  return {
    next: () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
  };
}

const gone = (res: Response) => res.destroyed || res.writableEnded || !!res.socket?.destroyed;

/** Streams `chunks` as the body of `res` (headers already set) and ends it. */
export async function streamBody(res: Response, chunks: Iterable<string>, options: StreamOptions): Promise<StreamEnd> {
  let batch = '';
  let sliceStart = performance.now();
  const drain = drains(res);
  // compression() adds flush(): each batch then leaves the compressor whole, so a compressed
  // export streams as an uncompressed one does instead of waiting in the compressor's window.
  const flushable = res as Response & { flush?: () => void };
  // Sends the batch; waits while the reader is behind. False when the reader is gone or stalled.
  const flush = async (): Promise<StreamEnd | null> => {
    if (gone(res)) return 'closed';
    const drained = drain.next();
    const ok = res.write(batch);
    flushable.flush?.();
    batch = '';
    if (!ok) {
      const how = await writable(res, drained, options.stallMs);
      if (how === 'closed') return 'closed';
      if (how === 'stalled') {
        options.logger.warn({ what: options.what, stallMs: options.stallMs }, 'export reader stalled: connection closed');
        res.destroy();
        return 'stalled';
      }
    }
    // Not only after a write the socket took at once: a reader on a fast link empties the buffer
    // in the same turn, so 'drain' arrives on the next tick and waiting for it gives no other
    // request a turn (a 46 MB GraphML held the loop for all of its 11 s at M).
    if (performance.now() - sliceStart > SLICE_MS) {
      await loopTurn();
      sliceStart = performance.now();
    }
    return null;
  };
  try {
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= BATCH_CHARS) {
        const end = await flush();
        if (end) return end;
      }
    }
    if (batch) {
      const end = await flush();
      if (end) return end;
    }
  } catch (err) {
    // The status and part of the body are out: all that is left is to cut the connection, so the
    // client sees a truncated file rather than a complete-looking one.
    options.logger.error({ err, what: options.what }, 'export failed while streaming: connection closed');
    res.destroy();
    return 'failed';
  }
  if (gone(res)) return 'closed';
  res.end();
  return 'done';
}
