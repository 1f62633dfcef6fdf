/** Actors and actions as Cytoscape elements: one node per actor, one edge per action. */
import { actionLabel, type Action, type ActorWithDegree, type EdgeElement, type NodeElement } from '../../contract';

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
