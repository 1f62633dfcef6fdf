/**
 * Reads under way, shared: a second caller asking the same question of the same version while
 * the first answer is computed waits for that answer instead of computing it again. Nothing is
 * kept once it settles (the API's answer cache keeps bodies).
 */
export class InFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  share(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const k = `${version}\u0000${key}`;
    let p = this.running.get(k);
    if (!p) {
      p = compute().finally(() => this.running.delete(k));
      this.running.set(k, p);
    }
    return p;
  }
}
