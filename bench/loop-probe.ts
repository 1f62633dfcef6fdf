/**
 * Preloaded into a server under test (`node --require dist/bench/loop-probe.js dist/server/main.js`,
 * spawned with an IPC channel; see ServerProcess's `loopProbe`): measures the server's own
 * event-loop delay with perf_hooks.monitorEventLoopDelay, which a client outside cannot see
 * directly, and answers the parent's `reset` and `read` messages. Without an IPC channel it does
 * nothing, so a stray preload cannot change a server.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What `read` answers: the gaps between the histogram's timer ticks since the last `reset`, ms. A
 * free loop reads about the resolution (5 ms); a loop held for 300 ms reads one gap of 300 ms.
 */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** How many delays were sampled (one per `resolution` ms the loop was free to run a timer). */
  samples: number;
  /**
   * The most CPU time the server's main thread used between two ticks of a 5 ms timer, ms (in
   * steps of the kernel's 10 ms clock tick; Linux only, else absent). Unlike the delays above it
   * does not grow when a busy machine leaves the process waiting for a core: it is the longest
   * the server itself held its loop.
   */
  heldCpuMax?: number;
}

export interface ProbeRequest {
  loopProbe: 'reset' | 'read';
  id: number;
}

export interface ProbeReply {
  loopProbe: 'reply';
  id: number;
  delay?: LoopDelay;
}

/** A timer every 5 ms: fine enough for a 50 ms budget, cheap enough not to load the server. */
export const PROBE_RESOLUTION_MS = 5;

const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;

/** The main thread's CPU time so far (user + system), ms; null where /proc does not tell it. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The longest main-thread CPU time between two ticks since the last reset. */
function heldCpuTracker(): { reset(): void; max(): number | undefined } {
  let last = mainThreadCpuMs();
  if (last === null) return { reset: () => undefined, max: () => undefined };
  let max = 0;
  const timer = setInterval(() => {
    const now = mainThreadCpuMs() ?? last!;
    max = Math.max(max, now - last!);
    last = now;
  }, PROBE_RESOLUTION_MS);
  timer.unref();
  return {
    reset() {
      max = 0;
      last = mainThreadCpuMs() ?? last;
    },
    max: () => max,
  };
}

function install(): void {
  const send = process.send?.bind(process);
  if (!send) return;
  const histogram = monitorEventLoopDelay({ resolution: PROBE_RESOLUTION_MS });
  histogram.enable();
  const held = heldCpuTracker();
  process.on('message', (m: Partial<ProbeRequest>) => {
    if (!m || typeof m !== 'object' || typeof m.id !== 'number') return;
    if (m.loopProbe === 'reset') {
      // A reset also forgets the last tick, so the gap up to the next tick would go unrecorded: a
      // loop held at once after the reset would not show. The reply waits for that first tick.
      histogram.reset();
      held.reset();
      const id = m.id;
      const firstTick = () => {
        if (histogram.count > 0) send({ loopProbe: 'reply', id } satisfies ProbeReply);
        else setTimeout(firstTick, 1);
      };
      firstTick();
    } else if (m.loopProbe === 'read') {
      const samples = histogram.count;
      const delay: LoopDelay = samples
        ? {
            p50: ms(histogram.percentile(50)),
            p99: ms(histogram.percentile(99)),
            max: ms(histogram.max),
            mean: ms(histogram.mean),
            samples,
            heldCpuMax: held.max(),
          }
        : { p50: 0, p99: 0, max: 0, mean: 0, samples: 0, heldCpuMax: held.max() };
      send({ loopProbe: 'reply', id: m.id, delay } satisfies ProbeReply);
    }
  });
  // The channel must not keep a server alive that is otherwise done (a clean stop exits itself).
  process.channel?.unref();
}

install();
