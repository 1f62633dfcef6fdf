/** The error body of API v1, `{"error": {"code", "message", "details"}}`: what every failed request answers. */
import { z } from 'zod';

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'misdirected_request',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().describe('What was wrong, naming the parameter or field.'),
  details: z.array(z.string()).describe('Each problem as `path: message`, or the ids in a conflict.'),
});

export const ErrorBodySchema = z.object({ error: ApiErrorSchema });
