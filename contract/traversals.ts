/** Traversal answers: shortest paths between two actors and time-respecting chains from one. */
import { z } from 'zod';

export const PathSchema = z.object({ actors: z.array(z.string()), actions: z.array(z.string()) });
export type Path = z.infer<typeof PathSchema>;

export const PathsAnswerSchema = z.object({ paths: z.array(PathSchema) });
export type PathsAnswer = z.infer<typeof PathsAnswerSchema>;

export const ChainSchema = z.object({ actions: z.array(z.string()) });
export type Chain = z.infer<typeof ChainSchema>;

export const ChainsAnswerSchema = z.object({
  chains: z.array(ChainSchema),
  truncated: z.boolean().describe('True when the search stopped at its work bound before seeing every chain.'),
});
export type ChainsAnswer = z.infer<typeof ChainsAnswerSchema>;
