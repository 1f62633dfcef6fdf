/**
 * The view modes, in the switcher's order; the first is the default (the bare address). A new
 * mode is a folder client/modes/<id>/ with mode.ts (its descriptor) and view.ts (what it draws,
 * found by views.ts), plus its import and its entry here.
 */
import type { ModeDescriptor } from './descriptor';
import { cascade } from './cascade/mode';
import { chain } from './chain/mode';
import { graph } from './graph/mode';
import { paths } from './paths/mode';
import { stack } from './stack/mode';
import { table } from './table/mode';

export const MODES = [graph, stack, cascade, chain, paths, table] as const;

type Registered = (typeof MODES)[number];
export type ModeId = Registered['id'];
/** Each mode's own part of the view state, by mode id. */
export type ModeStates = { [M in Registered as M['id']]: M['initial'] };

export const DEFAULT_MODE: ModeId = MODES[0].id;

const BY_ID = new Map<string, ModeDescriptor>(MODES.map((m) => [m.id, m]));

export function isModeId(id: string): id is ModeId {
  return BY_ID.has(id);
}

export function modeOf(id: ModeId): ModeDescriptor {
  return BY_ID.get(id)!;
}
