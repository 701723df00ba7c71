// The typed send: `send(type, request)` resolves with the reply the map (protocol.ts) gives that type, validated;
// an error reply, a malformed reply or no reply at all rejects. Transport-agnostic (lib/ does not call browser.*):
// the binding to runtime.sendMessage is components/to-background.ts. Only types come from the map: each asking
// side names the reply schemas it needs, so a bundle carries no schema it does not use.
import { ErrorReplySchema } from './error-reply';
import type { MessageType, ReplyOf, ReplySchemaOf, RequestOf } from './protocol';

/** Delivers one message and resolves with whatever came back (undefined: nothing). */
export type Transport = (message: unknown) => Promise<unknown>;

type Send<K extends MessageType> = <T extends K>(type: T, request: RequestOf<T>) => Promise<ReplyOf<T>>;

export function sender<K extends MessageType>(transport: Transport, replies: { [T in K]: ReplySchemaOf<T> }): Send<K> {
  return async <T extends K>(type: T, request: RequestOf<T>): Promise<ReplyOf<T>> => {
    const raw = await transport({ ...request, type });
    const refused = ErrorReplySchema.safeParse(raw);
    if (refused.success) throw new Error(`${type}: ${refused.data.error}`);
    const reply = replies[type].safeParse(raw);
    if (!reply.success) throw new Error(raw === undefined ? `${type}: no reply` : `${type}: malformed reply`);
    return reply.data as ReplyOf<T>; // the schema is the map's for T; TypeScript cannot follow the lookup
  };
}
