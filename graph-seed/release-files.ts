/**
 * A dataset release: the whole dataset frozen at one change number, as the exact bytes of the
 * unfiltered JSON export (so its SHA-256 equals /api/health's contentHash at that change), with
 * a manifest (name, version, hash, date, counts) and a CITATION.cff that names all three.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { InterchangeDocument } from '../contract';
import { interchangeJsonChunks } from '../server/api/export/json';

/** Release names are folder names and go into citations: short, plain. */
const RELEASE_NAME = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;

export interface ReleaseManifest {
  name: string;
  /** The change number the dataset is frozen at. */
  version: number;
  sha256: string;
  /** The day of the release (UTC), YYYY-MM-DD. */
  date: string;
  counts: { actors: number; sources: number; episodes: number; actions: number };
  file: string;
}

const DATASET_FILE = 'dataset.json';

function citation(m: ReleaseManifest): string {
  // YAML by hand: every value is ours and plain (the name is checked against RELEASE_NAME).
  return [
    'cff-version: 1.2.0',
    'message: "If you use this dataset, please cite this release by its name, version (change number) and SHA-256."',
    'type: dataset',
    `title: "Deplatforming graph dataset, release ${m.name}"`,
    'authors:',
    '  - name: "The deplatforming-graph contributors"',
    `version: "${m.name}"`,
    `date-released: "${m.date}"`,
    'license: MIT',
    'abstract: >-',
    '  Episodes of deplatforming recorded as a knowledge graph of actors, actions and the published',
    `  sources that report them; frozen at change ${m.version} with ${m.counts.actors} actors, ${m.counts.actions} actions,`,
    `  ${m.counts.sources} sources and ${m.counts.episodes} episodes.`,
    'identifiers:',
    '  - type: other',
    `    value: "sha256:${m.sha256}"`,
    `    description: "SHA-256 of ${m.file}"`,
    '  - type: other',
    `    value: "change:${m.version}"`,
    '    description: "The dataset change number the release is frozen at"',
    'keywords:',
    '  - deplatforming',
    '  - content moderation',
    '  - knowledge graph',
    '',
  ].join('\n');
}

/**
 * Writes releases/<name>/{dataset.json,release.json,CITATION.cff} under `root`. A release is
 * frozen: an existing one is never overwritten.
 */
/** Checks the name and that no release has it; the folder the release would go to. */
export function releaseDir(root: string, name: string): string {
  if (!RELEASE_NAME.test(name)) {
    throw new Error(`--name "${name}" is not a release name (letters, digits, ".", "_", "-"; at most 64; e.g. 2026.1)`);
  }
  const dir = path.join(root, 'releases', name);
  if (fs.existsSync(dir)) throw new Error(`release ${name} exists (${dir}); releases are frozen, choose another name`);
  return dir;
}

export function writeRelease(root: string, name: string, change: number, doc: InterchangeDocument, now = new Date()): ReleaseManifest {
  const dir = releaseDir(root, name);
  const bytes = [...interchangeJsonChunks(doc)].join('');
  const manifest: ReleaseManifest = {
    name,
    version: change,
    sha256: createHash('sha256').update(bytes, 'utf8').digest('hex'),
    date: now.toISOString().slice(0, 10),
    counts: {
      actors: doc.actors?.length ?? 0,
      sources: doc.sources?.length ?? 0,
      episodes: doc.episodes?.length ?? 0,
      actions: doc.actions?.length ?? 0,
    },
    file: DATASET_FILE,
  };
  // Written in a temporary folder renamed into place, so a failed release leaves no half of one.
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  try {
    fs.writeFileSync(path.join(tmp, DATASET_FILE), bytes);
    fs.writeFileSync(path.join(tmp, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(tmp, 'CITATION.cff'), citation(manifest));
    fs.renameSync(tmp, dir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return manifest;
}
