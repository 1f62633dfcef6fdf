/** Paging of the list answers (actors, actions, sources): which part to answer, and the part answered. */
import { z } from 'zod';

export const PageRequestSchema = z.object({ limit: z.number().int(), offset: z.number().int() });
export type PageRequest = z.infer<typeof PageRequestSchema>;

/** A page as the API answers it: the items, how many there are in all, and the request echoed. */
export function pageAnswerOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), ...PageRequestSchema.shape });
}

export type PageAnswer<T> = z.infer<ReturnType<typeof pageAnswerOf<z.ZodType<T>>>>;

/** A page as a store finds it; the API adds the request (PageAnswer). */
export type Page<T> = Omit<PageAnswer<T>, keyof PageRequest>;
