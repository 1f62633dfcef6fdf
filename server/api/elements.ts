/** Actors and actions as Cytoscape elements: one node per actor, one edge per action. */
import { actionLabel, type Action } from '../../contract';
import type { ActorWithDegree } from '../store/types';

export interface NodeElement {
  data: {
    id: string;
    label: string;
    name: string;
    kind: string;
    layer?: string;
    degree: number;
    aliases?: string[];
    description?: string;
    wikidata?: string;
  };
}

export interface EdgeElement {
  data: {
    id: string;
    source: string;
    target: string;
    type: string;
    label: string;
    date?: string;
    endDate?: string;
    status: string;
    summary: string;
    claimedBy?: string[];
    disputedBy?: string[];
    sourceIds: string[];
  };
}

export function nodeElement(a: ActorWithDegree): NodeElement {
  return {
    data: {
      id: a.id,
      label: a.name,
      name: a.name,
      kind: a.kind,
      ...(a.layer !== undefined && { layer: a.layer }),
      degree: a.degree,
      ...(a.aliases !== undefined && { aliases: a.aliases }),
      ...(a.description !== undefined && { description: a.description }),
      ...(a.wikidata !== undefined && { wikidata: a.wikidata }),
    },
  };
}

export function edgeElement(a: Action): EdgeElement {
  return {
    data: {
      id: a.id,
      source: a.from,
      target: a.to,
      type: a.type,
      label: actionLabel(a.type),
      ...(a.date !== undefined && { date: a.date }),
      ...(a.endDate !== undefined && { endDate: a.endDate }),
      status: a.status,
      summary: a.summary,
      ...(a.claimedBy !== undefined && { claimedBy: a.claimedBy }),
      ...(a.disputedBy !== undefined && { disputedBy: a.disputedBy }),
      sourceIds: a.sourceIds,
    },
  };
}
