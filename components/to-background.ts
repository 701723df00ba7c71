// The typed protocol's binding to the extension: lib/protocol/send.ts takes the transport as a parameter (lib/ does
// not call browser.*), this is the one that reaches the background service worker. Used by the content script and
// the extension pages, each with the reply schemas of the messages it sends.
import type { Transport } from '@/lib/protocol/send';

export const toBackground: Transport = (message) => browser.runtime.sendMessage(message);
