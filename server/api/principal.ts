/**
 * Who a request acts as. Auth puts it on `res.locals` once the key is checked; history and the
 * rate limits read it from here, so neither needs to know how keys are stored.
 */
import type { Response } from 'express';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The key's name, as recorded in history (never the key itself). */
  name: string;
  role: Role;
}

/** The name `API_TOKEN` acts under: one admin key, so set-ups from before named keys keep working. */
export const API_TOKEN_PRINCIPAL: Principal = { name: 'api-token', role: 'admin' };

export function setPrincipal(res: Response, principal: Principal): void {
  (res.locals as { principal?: Principal }).principal = principal;
}

/** The checked principal of a write; null on a request that passed no key check. */
export function principalOf(res: Response): Principal | null {
  return (res.locals as { principal?: Principal }).principal ?? null;
}
