/** POST /api/extract: proposals for a pasted report, computed by the server and never stored. */
import { ExtractAnswerSchema, type ExtractAnswer, type ExtractRequest } from '../../../contract';
import { ApiError, errorFromBody, token } from '../../api';

export async function extract(req: ExtractRequest, signal?: AbortSignal): Promise<ExtractAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  let res: Response;
  try {
    res = await fetch('/api/extract', { method: 'POST', headers, body: JSON.stringify(req), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'unavailable', 'the server cannot be reached (network error)');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: said below */
  }
  if (!res.ok) throw errorFromBody(res.status, body);
  // Offsets are trusted only in the shape the contract gives them; anything else is the server's fault, said so.
  const parsed = ExtractAnswerSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'internal', 'the server answered proposals in a shape this browser does not know');
  return parsed.data;
}
