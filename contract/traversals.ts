/** Traversal answers: shortest paths between two actors and time-respecting chains from one. */
import { z } from 'zod';
import type { Category } from './vocabulary';

export const PathSchema = z.object({ actors: z.array(z.string()), actions: z.array(z.string()) });
export type Path = z.infer<typeof PathSchema>;

export const PathsAnswerSchema = z.object({ paths: z.array(PathSchema) });
export type PathsAnswer = z.infer<typeof PathsAnswerSchema>;

export const StepOrderSchema = z.enum(['certain', 'possible']);

export const ChainStepSchema = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  actions: z
    .array(z.string())
    .min(1)
    .describe('The parallel actions (one type, same two actors, same direction) this step stands for, in timeline order.'),
  order: StepOrderSchema.optional().describe(
    'How the step follows the one before (absent on the first): certain when it does for every action listed, else possible.',
  ),
});
export type ChainStep = z.infer<typeof ChainStepSchema>;

export const ChainSchema = z.object({
  actions: z.array(z.string()).describe("One action per step (the step's first), for clients that draw a chain as a list of actions."),
  steps: z.array(ChainStepSchema),
});
export type Chain = z.infer<typeof ChainSchema>;

export const ChainsAnswerSchema = z.object({
  chains: z.array(ChainSchema),
  truncated: z.boolean().describe('True whenever something was left out: chains past the limit, or the search stopped at its work bound.'),
});
export type ChainsAnswer = z.infer<typeof ChainsAnswerSchema>;

/** What chains follow besides the filter: categories, and whether only certain steps. */
export interface ChainOptions {
  /** Categories followed; the default ones (sanction, notice, restoration, migration, legal) when absent. */
  categories?: Category[];
  certainOnly?: boolean;
}
