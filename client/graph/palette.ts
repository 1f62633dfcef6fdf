/**
 * Colours and shapes of the drawing, shared by the stylesheet, the legend and the SVG export.
 * A vocabulary entry without a colour here is drawn in the fallback grey.
 */
import { ACTION_TYPES, type ActionType, type ActorKind, type Category, type Layer, type Status } from '../../contract';

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

/**
 * Action colours by category (the v2 vocabulary's), from the Okabe–Ito palette, chosen to stay
 * apart under the common colour-vision deficiencies: banned, suspended and removed-from-store
 * were three near-alike reds, and they are one thing to a reader (a sanction). Its yellow is
 * left out, too faint for a line on white; black takes its place.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  sanction: '#D55E00',
  restoration: '#009E73',
  relationship: '#0072B2',
  legal: '#CC79A7',
  claim: '#000000',
  notice: '#E69F00',
  migration: '#56B4E9',
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
  /** Dash and gap lengths (px) where the line is not solid. */
  pattern: number[];
  /** Shown beside the status in the legend. */
  note: string;
}

/** Line style by status: the more doubt, the more broken the line. */
export const STATUS_LOOKS: Record<Status, StatusLook> = {
  confirmed: { width: 3, dash: 'solid', pattern: [], note: 'solid line' },
  reported: { width: 2, dash: 'dashed', pattern: [8, 4], note: 'dashed line' },
  alleged: { width: 2, dash: 'dotted', pattern: [2, 3], note: 'dotted line' },
  disputed: { width: 2, dash: 'dashed', pattern: [9, 3, 2, 3], note: 'dash-dot line, red label' },
};

export const DISPUTED_LABEL = '#b00020';

export const layerColour = (layer: string | undefined): string => (layer && LAYER_COLOURS[layer as Layer]) || NO_LAYER_COLOUR;
export const categoryColour = (category: string): string => CATEGORY_COLOURS[category as Category] ?? FALLBACK_EDGE;
/** An action type's colour: its category's. */
export const typeColour = (type: string): string => {
  const known = ACTION_TYPES[type as ActionType];
  return known ? categoryColour(known.category) : FALLBACK_EDGE;
};
export const kindShape = (kind: string): string => KIND_SHAPES[kind as ActorKind] ?? 'ellipse';
