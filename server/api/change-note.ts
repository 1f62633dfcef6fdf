/**
 * Who makes a write and why, for the history: the checked key's name (principal.ts) and the
 * optional `X-Change-Message` header. The header is percent-decoded as UTF-8, since HTTP header
 * values cannot carry other text as it is.
 */
import type { Request, Response } from 'express';
import { CHANGE_MESSAGE_MAX } from '../../contract';
import type { ChangeNote } from '../store/types';
import { badRequest } from './errors';
import { principalOf } from './principal';

const CHANGE_MESSAGE_HEADER = 'X-Change-Message';

// Control characters would let a message forge lines in a log or a terminal showing history.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function changeNote(req: Request): ChangeNote {
  const principal = req.res ? principalOf(req.res as Response) : null;
  const raw = req.get(CHANGE_MESSAGE_HEADER);
  const note: ChangeNote = principal ? { who: principal.name } : {};
  if (raw === undefined) return note;
  let message: string;
  try {
    message = decodeURIComponent(raw).trim();
  } catch {
    throw badRequest(`invalid header ${CHANGE_MESSAGE_HEADER}: not valid percent-encoded UTF-8`, [
      `${CHANGE_MESSAGE_HEADER}: not valid percent-encoding`,
    ]);
  }
  const problem =
    message.length === 0
      ? 'is empty'
      : message.length > CHANGE_MESSAGE_MAX
        ? `is longer than ${CHANGE_MESSAGE_MAX} characters (${message.length})`
        : CONTROL.test(message)
          ? 'contains control characters (line breaks, tabs)'
          : null;
  if (problem) throw badRequest(`invalid header ${CHANGE_MESSAGE_HEADER}: ${problem}`, [`${CHANGE_MESSAGE_HEADER}: ${problem}`]);
  return { ...note, message };
}
