/**
 * Reading interchange v1: a v1 document becomes the v2 document that says the same. Its span
 * (`date` and `endDate`) becomes one interval; its `sourceIds` become citations whose stance
 * follows the status (a confirmed or reported action's sources state it; an alleged or disputed
 * one's only report the claim). v1 has nothing for zones, responses, episodes, scope, term or
 * reason, so none is invented.
 */
import type { Action, ActionV1, InterchangeDocument, InterchangeDocumentV1 } from './schemas';
import { INTERCHANGE_FORMAT } from './vocabulary';

export function convertActionV1(a: ActionV1): Action {
  const { endDate, sourceIds, date, ...rest } = a;
  const stance = a.status === 'alleged' || a.status === 'disputed' ? 'reports-claim' : 'states';
  const out: Action = { ...rest, citations: sourceIds.map((source) => ({ source, stance })) };
  // An end without a start is an interval whose start no source gives.
  const span = endDate === undefined ? date : `${date ?? ''}/${endDate}`;
  if (span !== undefined) out.date = span;
  return out;
}

export function convertDocumentV1(doc: InterchangeDocumentV1): InterchangeDocument {
  const out: InterchangeDocument = { format: INTERCHANGE_FORMAT };
  if (doc.actors) out.actors = doc.actors;
  if (doc.sources) out.sources = doc.sources;
  if (doc.actions) out.actions = doc.actions.map(convertActionV1);
  return out;
}
