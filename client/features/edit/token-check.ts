/**
 * Asks the server whether a token would be accepted for writes (GET /api/auth/check), so a wrong
 * token is said when it is entered rather than after a form has been filled in.
 */
import { errorFromBody } from '../../api';

/** null when the token is accepted; otherwise what to tell the person. */
export async function tokenProblem(candidate: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch('/api/auth/check', { headers: { Accept: 'application/json', Authorization: `Bearer ${candidate}` } });
  } catch {
    return 'The server cannot be reached to check the token; try again.';
  }
  if (res.ok) return null;
  const body: unknown = await res.json().catch(() => null);
  const e = errorFromBody(res.status, body);
  if (res.status === 401) return 'The server does not accept this token: check it and enter it again.';
  if (res.status === 403) return `This server takes no writes: ${e.message}.`;
  if (res.status === 429) return `Too many tries: ${e.message}. Wait a minute and try again.`;
  return `The token could not be checked: ${e.message}.`;
}
