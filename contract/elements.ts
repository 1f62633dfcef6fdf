/**
 * The graph as Cytoscape elements (GET /api/graph): one node per actor, one edge per action, the
 * edge id being the action id. Fields copied from a record keep the record's schema.
 */
import { z } from 'zod';
import { ActionSchema, ActorSchema } from './schemas';

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
  date: action.date,
  endDate: action.endDate,
  status: action.status,
  summary: action.summary,
  claimedBy: action.claimedBy,
  disputedBy: action.disputedBy,
  sourceIds: action.sourceIds,
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
