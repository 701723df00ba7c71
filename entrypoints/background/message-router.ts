// runtime.onMessage bound to the protocol's router (lib/protocol/router.ts): every message is validated once and
// answered by its handler, or with the error reply. Call synchronously at start-up (MV3 wakes the worker only for
// listeners added then).
import { router, type Handlers } from '@/lib/protocol/router';

export function setUpMessageRouter(handlers: Handlers<Browser.runtime.MessageSender>): void {
  const route = router(handlers);
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    void route(raw, sender).then(sendResponse);
    return true; // the answer comes asynchronously
  });
}
