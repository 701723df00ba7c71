// zod/mini schema of a refund's impact numbers (impact.ts), as the background sends them to the content script.
import * as z from 'zod/mini';

const value = z.nullable(z.number());
/** Numbers only (the content script formats them in its UI language): [current, after…]. */
export const ImpactNumbersSchema = z.object({
  disputeRate: z.tuple([value, value]),
  completionDays: z.tuple([value, value, value]),
  selfCompletionRate: z.tuple([value, value, value]),
});
