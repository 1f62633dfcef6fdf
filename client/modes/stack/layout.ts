/**
 * The stack layout: one row per layer (social networks, app stores, hosting, payments…), actors
 * placed left to right by the date of their first action (or by name), so the rows show at
 * which layer each cut happened.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { compareActionDates } from '../../../contract';
import type { Positions } from '../../graph/fcose-run';
import { layerColour } from '../../graph/palette';
import type { LayerChoice } from '../../state/types';
import { shortDate } from '../../ui/format';
import type { StackX } from './mode';
import { layerLabel, vocabulary } from '../../vocabulary';

export const COL = 170;
export const SUBROW = 74;
const ROW_PAD = 26;

export interface StackLayout {
  positions: Positions;
  decorations: ElementDefinition[];
}

export function stackLayout(cy: Core, by: StackX): StackLayout {
  const actors = cy.nodes('.actor').not('.filtered');
  const firstDate = new Map<string, string | undefined>();
  actors.forEach((n) => {
    let best: string | undefined;
    n.connectedEdges('.action')
      .not('.filtered')
      .forEach((e) => {
        const d = e.data('date') as string | undefined;
        if (d && (best === undefined || compareActionDates(d, best) < 0)) best = d;
      });
    firstDate.set(n.id(), best);
  });
  // Columns: the distinct first dates in order (undated last), or names in each row.
  const dates = [...new Set([...firstDate.values()].filter((d): d is string => d !== undefined))].sort(compareActionDates);
  const dateCol = new Map(dates.map((d, i) => [d, i]));
  const byRow = new Map<LayerChoice, { id: string; name: string; col: number }[]>();
  actors.forEach((n) => {
    const row = ((n.data('layer') as string | undefined) ?? 'none') as LayerChoice;
    const d = firstDate.get(n.id());
    const list = byRow.get(row) ?? [];
    list.push({ id: n.id(), name: String(n.data('label')), col: d === undefined ? dates.length : dateCol.get(d)! });
    byRow.set(row, list);
  });
  const positions: Positions = {};
  const decorations: ElementDefinition[] = [];
  let y = 0;
  let maxCol = 0;
  const lanes: { row: LayerChoice; top: number; height: number }[] = [];
  let rowIndex = 0;
  for (const row of [...vocabulary().layers.map((l) => l.id), 'none'] as LayerChoice[]) {
    const list = byRow.get(row);
    if (!list?.length) continue;
    // Rows are shifted a little against each other, so a line between two rows does not run
    // through the actors of the rows between them.
    const shift = [0, 0.28, -0.28][rowIndex++ % 3]! * COL * (by === 'name' ? 1 : 0.6);
    list.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (by === 'name') list.forEach((a, i) => (a.col = i));
    const used = new Map<number, number>();
    let depth = 1;
    for (const a of list) {
      const k = used.get(a.col) ?? 0;
      used.set(a.col, k + 1);
      depth = Math.max(depth, k + 1);
      maxCol = Math.max(maxCol, a.col);
      positions[a.id] = { x: a.col * COL + shift, y: y + ROW_PAD + k * SUBROW + SUBROW / 2 - 10 };
    }
    const height = depth * SUBROW + ROW_PAD;
    lanes.push({ row, top: y, height });
    y += height + 14;
  }
  const width = (maxCol + 1) * COL + COL;
  for (const lane of lanes) {
    decorations.push({
      group: 'nodes',
      classes: 'lane',
      data: {
        id: `lane--${lane.row}`,
        label: layerLabel(lane.row === 'none' ? undefined : lane.row),
        colour: layerColour(lane.row === 'none' ? undefined : lane.row),
        w: width,
        h: lane.height,
      },
      position: { x: (maxCol * COL) / 2, y: lane.top + lane.height / 2 },
      locked: true,
      selectable: false,
      grabbable: false,
    });
  }
  if (by === 'date') {
    const every = Math.max(1, Math.ceil(dates.length / 40));
    const cols: [number, string][] = dates.map((d, i) => [i, shortDate(d)]);
    if ([...firstDate.values()].some((d) => d === undefined)) cols.push([dates.length, 'no date']);
    for (const [i, label] of cols) {
      if (i % every !== 0 && label !== 'no date') continue;
      decorations.push({
        group: 'nodes',
        classes: 'axis',
        data: { id: `axis--${i}`, label },
        position: { x: i * COL, y: y + 4 },
        locked: true,
        selectable: false,
        grabbable: false,
      });
    }
  }
  return { positions, decorations };
}
