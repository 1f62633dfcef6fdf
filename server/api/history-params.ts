/** Parameters of the history routes and of `asOf`: instants, record keys, cursors, change numbers. */
import { z } from 'zod';
import { ID_PATTERN, RECORD_KINDS } from '../../contract';

/** An ISO 8601 day or date-time (with Z or an offset when a time is given); normalised to UTC ISO. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseInstant(text: string): string | null {
  if (!ISO_INSTANT.test(text)) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export const instantParam = z
  .string()
  .transform((text, ctx) => {
    const iso = parseInstant(text);
    if (iso === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text.slice(0, 40)}" is not an ISO 8601 day or date-time with a zone (2026-01-31 or 2026-01-31T12:00:00Z)`,
      });
      return z.NEVER;
    }
    return iso;
  })
  .optional();

export const recordParam = z
  .string()
  .transform((text, ctx) => {
    const colon = text.indexOf(':');
    const kind = text.slice(0, colon);
    const id = text.slice(colon + 1);
    if (colon < 0 || !(RECORD_KINDS as readonly string[]).includes(kind) || !ID_PATTERN.test(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text.slice(0, 60)}" is not kind:id with a kind of ${RECORD_KINDS.join(', ')} (e.g. actor:parler)`,
      });
      return z.NEVER;
    }
    return text;
  })
  .optional();

export const cursorParam = z
  .string()
  .transform((text, ctx) => {
    const n = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 40)}" is not a cursor from an earlier page's "next"` });
      return z.NEVER;
    }
    return n;
  })
  .optional();

/** A change number (0 or more) or an ISO instant. */
export const asOfParam = z
  .string()
  .transform((text, ctx): { change: number } | { time: string } => {
    if (/^\d{1,15}$/.test(text)) return { change: Number(text) };
    const iso = parseInstant(text);
    if (iso === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text.slice(0, 40)}" is neither a change number nor an ISO 8601 day or date-time with a zone`,
      });
      return z.NEVER;
    }
    return { time: iso };
  })
  .optional();
