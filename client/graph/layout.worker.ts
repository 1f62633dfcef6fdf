/** The layout worker: fcose off the main thread, so the page keeps answering while it runs. */
import { runFcose, type LayoutRequest } from './fcose-run';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest & { job: number }>) => void) | null;
  postMessage(m: unknown): void;
};

scope.onmessage = (e) => {
  const { job, ...req } = e.data;
  try {
    scope.postMessage({ job, positions: runFcose(req) });
  } catch (err) {
    scope.postMessage({ job, error: (err as Error).message });
  }
};
