// zod/mini schema of a deadline read from the page (PageDeadline). On its own: the background's answer to the
// content script carries one, and the content script validates that answer without the rest of the row schema.
import * as z from 'zod/mini';

/** An epoch-ms instant between 2000-01-01 and 2100-01-01. */
export const instant = z.number().check(z.int(), z.gte(946_684_800_000), z.lte(4_102_444_800_000));

/** A deadline read from the page's own text (§4). `overdue` without `at` is a bare "已超时". */
export const PageDeadlineSchema = z.union([
  z.object({ kind: z.literal('at'), at: instant }),
  z.object({ kind: z.literal('overdue') }),
]);

export type PageDeadline = z.infer<typeof PageDeadlineSchema>;
