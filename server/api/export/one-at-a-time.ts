/**
 * Runs tasks one after another. An export of a large graph holds the records, their copy and the
 * file text at once (hundreds of MB at 600k actions); several built side by side multiplied that
 * and took the server past its memory budget, for no gain in speed: each is CPU-bound on the one
 * thread anyway.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
