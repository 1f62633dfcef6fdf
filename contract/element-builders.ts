/**
 * Records as the graph's Cytoscape elements (the shapes of elements.ts): built once here so the
 * server's /api/graph and the browser's graph as of an earlier version (which it answers itself
 * from an export) draw the same fields the same way.
 */
import type { NodeElement, EdgeElement } from './elements';
import { actionTimeAnswer } from './filters';
import type { ActorWithDegree } from './record-answers';
import type { Action } from './schemas';
import { actionLabel, categoryOf } from './vocabulary';

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
