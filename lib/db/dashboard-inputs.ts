// Which writes make the background's cached dashboard stale. Dexie reports every committed write of any extension
// context ('storagemutated': table, index and key ranges). The reminder service's own bookkeeping (which refunds were
// already notified) is no input of the dashboard: clearing the cache for it made the next popup recompute it all.
import { RangeSet, type ObservabilitySet } from 'dexie';
import { REMINDER_STATE_KEY } from '../storage/keys';

export function changesDashboardInputs(parts: ObservabilitySet, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue; // another database
    const table = part.slice(prefix.length).split('/')[0];
    if (table !== 'settings') return true;
    for (const range of RangeSet(tree)) {
      if (range.from !== REMINDER_STATE_KEY || range.to !== REMINDER_STATE_KEY) return true;
    }
  }
  return false;
}
