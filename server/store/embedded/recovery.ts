/**
 * Opening DATA_DIR: the graph is the last snapshot plus every journal record written after it.
 * The journal is then opened for appends at the end of its last whole record.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger';
import { entryOf } from '../history/entry';
import { changedRecords } from './changes';
import type { FileOps } from './files';
import { HISTORY_FILE, HistoryLog } from './history';
import { Journal, JOURNAL_FILE, replayJournal } from './journal';
import { readSnapshot, SNAPSHOT_FILE } from './snapshot';
import { GraphState, upgradeOp, type JournalRecord } from './state';

export interface Recovered {
  state: GraphState;
  journal: Journal;
  history: HistoryLog;
  /** Sequence number of the last write in the state. */
  seq: number;
}

/** A folder that cannot be used stops the start with what to fix, before anything is read. */
function checkDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // the data is the owner's alone: 0700, files 0600
    fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.R_OK);
  } catch (err) {
    throw new Error(
      `DATA_DIR "${dataDir}" cannot be used: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} (it must be a readable, writable folder)`,
      { cause: err },
    );
  }
}

export function recover(dataDir: string, logger: Logger, journalFiles?: FileOps): Recovered {
  const started = Date.now();
  checkDataDir(dataDir);
  const state = new GraphState();
  const snap = readSnapshot(path.join(dataDir, SNAPSHOT_FILE));
  if (snap) state.loadDocument(snap.graph);
  let seq = snap?.seq ?? 0;
  const journalFile = path.join(dataDir, JOURNAL_FILE);
  const replay = replayJournal<JournalRecord>(journalFile, (msg) => logger.warn(msg));
  let history: HistoryLog;
  try {
    history = HistoryLog.open(path.join(dataDir, HISTORY_FILE), (msg) => logger.warn(msg));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err; // damage: its own message says what to do
    throw new Error(`DATA_DIR "${dataDir}" cannot be written: ${code}`, { cause: err });
  }
  let rewritten = 0;
  for (const entry of replay.entries) {
    if (entry.seq <= seq) continue; // already in the snapshot: a crash came between snapshot and journal reset
    const ops = entry.record.ops.map(upgradeOp);
    const { at, who, message } = entry.record;
    // A change the journal holds and the history lacks: a crash came between the two appends.
    // Records journalled before history began carry no author and stay out of it.
    const missing = entry.seq > history.last && at !== undefined;
    const records = missing ? changedRecords(state, ops) : [];
    state.apply(ops);
    seq = entry.seq;
    if (missing) {
      const note = { ...(who !== undefined && { who }), ...(message !== undefined && { message }) };
      history.append(entryOf(entry.seq, at, note, entry.record.import ? 'import' : 'write', records));
      rewritten++;
    }
  }
  if (history.last > seq) {
    const last = history.last;
    const dropped = history.cutAfter(seq);
    logger.warn({ dropped, history: last, journal: seq }, 'history lines past the last journal record dropped: the journal is the truth');
  }
  if (rewritten) logger.warn({ rewritten }, 'history lines written again from the journal after an interrupted write');
  let journal: Journal;
  try {
    journal = Journal.open(journalFile, replay.validBytes, journalFiles);
  } catch (err) {
    throw new Error(`DATA_DIR "${dataDir}" cannot be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      cause: err,
    });
  }
  logger.info(
    { dataDir, actors: state.actors.size, actions: state.actions.size, journalRecords: replay.entries.length, ms: Date.now() - started },
    'embedded store opened',
  );
  return { state, journal, history, seq };
}
