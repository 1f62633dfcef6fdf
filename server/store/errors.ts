/**
 * Failures a store reports, each mapped by the API to one error code of the spec. Stores throw
 * these and nothing else for expected conditions, so routes never inspect store internals.
 */
import type { Problem } from '../../contract';
import type { RecordKind } from './rules/lookup';

export class StoreError extends Error {}

export class NotFoundError extends StoreError {
  constructor(
    readonly what: RecordKind,
    readonly id: string,
  ) {
    super(`${what} "${id}" not found`);
  }
}

export class ConflictError extends StoreError {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Invalid content or unresolved references; `problems` name each with a JSON path. */
export class ValidationError extends StoreError {
  constructor(
    readonly problems: Problem[],
    message = 'invalid input',
  ) {
    super(
      `${message}: ${problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
  }
}

/** The store cannot be reached or cannot take writes now; the client may retry. */
export class UnavailableError extends StoreError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

/**
 * The data folder is full: the write was refused and nothing of it was kept. Space comes back only
 * when someone frees it, so the suggested wait is longer than an outage's.
 */
export class StorageFullError extends StoreError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 60,
  ) {
    super(message);
  }
}
