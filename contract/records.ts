/** Record identity: what "unchanged" means for an import, whichever store holds the record. */

/**
 * Sets a plain own property, so a key such as "__proto__" stays data and never a prototype. Only
 * "__proto__" needs defineProperty (assigning it would set the prototype); any other key is
 * assigned, which is ~4x faster and keeps the object in V8's fast mode.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A copy with undefined fields dropped and object keys sorted, so equal content compares equal. */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => canonical(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) setOwn(out, key, canonical(v));
    }
    return out as T;
  }
  return value;
}

export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A deep copy of a JSON-shaped record, so a store's memory is never shared with its callers. */
export function copyRecord<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyRecord) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, copyRecord((value as Record<string, unknown>)[key]));
    return out as T;
  }
  return value;
}
