/**
 * GET /api/auth/check: answers 200 when the bearer token would be accepted for a write, and goes
 * through the same guards as a write (401 for a wrong token, 403 when writes are disabled). The
 * browser asks it as soon as a token is entered, so a wrong one is said at once rather than after
 * a form has been filled. It changes nothing.
 */
import { z } from 'zod';
import { defineRoute } from './route';
import { named } from './schemas';

const TokenCheckAnswer = named(z.object({ ok: z.literal(true) }), 'TokenCheck');

export const tokenCheckRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/check',
    operationId: 'checkToken',
    summary: 'Whether the bearer token is accepted for writes, without writing anything',
    tag: 'writes',
    write: true,
    responses: { 200: { description: 'The token is accepted.', schema: TokenCheckAnswer } },
    handle() {
      return { ok: true as const };
    },
  }),
];
