/**
 * Sending a reviewed report: one all-or-nothing import, after making sure no "new" actor would
 * land on an actor the graph already has (an import replaces a stored record of the same id, so
 * a suggested id such as "gab" could otherwise overwrite another Gab's name, kind and aliases).
 */
import type { InterchangeDocument } from '../../../contract';
import { api, ApiError, importDocument } from '../../api';

/** Resolves with the clashes found (nothing sent), or an empty list once imported; rejects with the server's ApiError. */
export async function saveReport(doc: InterchangeDocument): Promise<string[]> {
  const taken = await Promise.all(
    (doc.actors ?? []).map((a) =>
      api.actor(a.id).then(
        (found) =>
          `new actor "${a.name}": the id "${a.id}" is already "${found.name}" in the graph; pick it in the rows instead, or give another id`,
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        },
      ),
    ),
  );
  const clashes = taken.filter((x): x is string => x !== null);
  if (clashes.length === 0) await importDocument(doc, () => undefined);
  return clashes;
}
