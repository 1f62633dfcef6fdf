/**
 * The graph as Cytoscape elements (GET /api/graph): one node per actor, one edge per action, the
 * edge id being the action id. Fields copied from a record keep the record's schema.
 */
import { z } from 'zod';
import { ActionSchema, ActorSchema } from './schemas';
import { CATEGORIES } from './vocabulary';

const actor = ActorSchema.shape;
const action = ActionSchema.shape;

export const NodeDataSchema = z.object({
  id: actor.id,
  label: z.string().describe('The actor name.'),
  name: actor.name,
  kind: actor.kind,
  layer: actor.layer,
  degree: z.number().int(),
  aliases: actor.aliases,
  description: actor.description,
  wikidata: actor.wikidata,
});
export type NodeData = z.infer<typeof NodeDataSchema>;

export const EdgeDataSchema = z.object({
  id: action.id.describe('The action id.'),
  source: action.from.describe('The acting actor (`from`).'),
  target: action.to.describe('The actor acted upon (`to`).'),
  type: action.type,
  label: z.string().describe('The vocabulary label of the type.'),
  category: z.enum(CATEGORIES).describe('The category of the type.'),
  date: action.date,
  timezone: action.timezone,
  start: z.number().nullable().optional().describe('Earliest instant the date can mean (UTC ms); null when open; absent when undated.'),
  end: z.number().nullable().optional().describe('Latest instant the date can mean (UTC ms, inclusive); null when open.'),
  uncertain: z.boolean().optional().describe('The date is marked uncertain (`?`).'),
  approximate: z.boolean().optional().describe('The date is marked approximate (`~`), its span widened.'),
  status: action.status,
  summary: action.summary,
  claimedBy: action.claimedBy,
  disputedBy: action.disputedBy,
  respondsTo: action.respondsTo,
  episodes: action.episodes,
  sources: z.array(z.string()).describe('Ids of the cited sources, in citation order.'),
});
export type EdgeData = z.infer<typeof EdgeDataSchema>;

export const NodeElementSchema = z.object({ data: NodeDataSchema });
export type NodeElement = z.infer<typeof NodeElementSchema>;

export const EdgeElementSchema = z.object({ data: EdgeDataSchema });
export type EdgeElement = z.infer<typeof EdgeElementSchema>;

export const GraphAnswerSchema = z.object({
  elements: z.object({ nodes: z.array(NodeElementSchema), edges: z.array(EdgeElementSchema) }),
  truncated: z.boolean().describe('True when the answer was cut at 5,000 elements.'),
});
export type GraphAnswer = z.infer<typeof GraphAnswerSchema>;
