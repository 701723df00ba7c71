// The one reply that says a message failed, whatever its type: refused by the background's validation, of a type it
// does not know, or its handler threw. `send` turns it into a rejection.
import * as z from 'zod/mini';

export const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

export function errorReply(e: unknown): ErrorReply {
  return { ok: false, error: e instanceof Error ? e.message : String(e) };
}
