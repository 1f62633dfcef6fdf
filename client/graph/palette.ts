/**
 * Colours and shapes of the drawing, shared by the stylesheet, the legend and the SVG export.
 * A vocabulary entry without a colour here is drawn in the fallback grey.
 */
import type { ActionType, ActorKind, Layer, Status } from '../../contract';

export const NO_LAYER_COLOUR = '#d4d4d4';
export const FALLBACK_EDGE = '#7a7a7a';

export const LAYER_COLOURS: Partial<Record<Layer, string>> = {
  'social-network': '#4e79a7',
  'app-store': '#f28e2b',
  'cloud-hosting': '#59a14f',
  'cdn-security': '#76b7b2',
  'domain-registrar': '#edc948',
  payments: '#b07aa1',
  media: '#ff9da7',
  legal: '#9c755f',
  other: '#bab0ac',
};

export const TYPE_COLOURS: Partial<Record<ActionType, string>> = {
  BANNED: '#c62828',
  SUSPENDED: '#d84315',
  DELISTED: '#e65100',
  REINSTATED: '#2e7d32',
  HOSTED: '#1565c0',
  CONTRACTED: '#4a6fa5',
  OWNS: '#4d4d4d',
  COMPETES_WITH: '#9e9e9e',
  SUED: '#6a1b9a',
  ACCUSED: '#9c27b0',
  DENIED: '#8d6e63',
  REPORTED: '#00838f',
  USERS_MIGRATED: '#b8860b',
  RESTRICTED: '#ef6c00',
  REFUSED: '#ad1457',
  WARNED: '#f9a825',
  MOVED_TO: '#827717',
  RULED: '#283593',
  ORDERED: '#4527a0',
};

/** Cytoscape shape names by actor kind. */
export const KIND_SHAPES: Partial<Record<ActorKind, string>> = {
  company: 'round-rectangle',
  platform: 'ellipse',
  app: 'round-tag',
  person: 'diamond',
  government: 'pentagon',
  court: 'octagon',
  media: 'rhomboid',
  group: 'round-triangle',
  other: 'hexagon',
};

export interface StatusLook {
  width: number;
  dash: 'solid' | 'dashed' | 'dotted';
  /** Shown beside the type label in the legend. */
  note: string;
}

export const STATUS_LOOKS: Record<Status, StatusLook> = {
  confirmed: { width: 3, dash: 'solid', note: 'solid line' },
  reported: { width: 1.6, dash: 'solid', note: 'thin solid line' },
  alleged: { width: 2, dash: 'dashed', note: 'dashed line' },
  disputed: { width: 2, dash: 'dotted', note: 'dotted line, red label' },
};

export const DISPUTED_LABEL = '#b00020';

export const layerColour = (layer: string | undefined): string => (layer && LAYER_COLOURS[layer as Layer]) || NO_LAYER_COLOUR;
export const typeColour = (type: string): string => TYPE_COLOURS[type as ActionType] ?? FALLBACK_EDGE;
export const kindShape = (kind: string): string => KIND_SHAPES[kind as ActorKind] ?? 'ellipse';
