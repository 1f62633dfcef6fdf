/** Actors and actions as Cytoscape elements: one node per actor, one edge per action. */
import {
  actionLabel,
  actionTimeAnswer,
  categoryOf,
  type Action,
  type ActorWithDegree,
  type EdgeElement,
  type NodeElement,
} from '../../contract';

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
  const time = actionTimeAnswer(a);
  return {
    data: {
      id: a.id,
      source: a.from,
      target: a.to,
      type: a.type,
      label: actionLabel(a.type),
      category: categoryOf(a.type),
      ...(a.date !== undefined && { date: a.date }),
      ...(a.timezone !== undefined && { timezone: a.timezone }),
      ...(time && { start: time.start, end: time.end, uncertain: time.uncertain, approximate: time.approximate }),
      status: a.status,
      summary: a.summary,
      ...(a.claimedBy !== undefined && { claimedBy: a.claimedBy }),
      ...(a.disputedBy !== undefined && { disputedBy: a.disputedBy }),
      ...(a.respondsTo !== undefined && { respondsTo: a.respondsTo }),
      ...(a.episodes !== undefined && { episodes: a.episodes }),
      sources: a.citations.map((c) => c.source),
    },
  };
}
