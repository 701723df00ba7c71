// The background's side of the protocol: one handler per message type of the map (protocol.ts), each typed by it.
// The incoming message is validated once, with its type's request schema; an unknown type, a message that fails
// its schema and a handler that throws are all answered with the one error reply. Replies are not validated here:
// the asking side does (send.ts), and the dashboard is large.
import { errorReply, type ErrorReply } from './error-reply';
import { PROTOCOL, type MessageOf, type MessageType, type ReplyOf } from './protocol';

/** `S`: who sent the message (the extension's MessageSender in the background). */
export type Handlers<S> = { [K in MessageType]: (message: MessageOf<K>, sender: S) => ReplyOf<K> | Promise<ReplyOf<K>> };

type AnyHandler<S> = (message: unknown, sender: S) => unknown;

function typeOf(raw: unknown): MessageType | undefined {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type) ? (type as MessageType) : undefined;
}

export function router<S>(handlers: Handlers<S>): (raw: unknown, sender: S) => Promise<ReplyOf<MessageType> | ErrorReply> {
  return async (raw, sender) => {
    const type = typeOf(raw);
    if (type === undefined) return errorReply('unknown message type');
    const parsed = PROTOCOL[type].request.safeParse(raw);
    if (!parsed.success) return errorReply(`invalid ${type} message`);
    try {
      // The parsed message is of `type`, and so is the handler: TypeScript does not correlate the two lookups.
      return (await (handlers[type] as AnyHandler<S>)(parsed.data, sender)) as ReplyOf<MessageType>;
    } catch (e) {
      return errorReply(e);
    }
  };
}
