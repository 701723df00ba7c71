// Entry of the helper bundle the storage benchmark evaluates in an extension page (same origin, same IndexedDB as
// the background): the product's own Dexie schema, upsert and page-report handler, so the upsert can be timed alone.
// Built by tests/bench/storage.mjs (vite, IIFE); never part of the extension.
import { handlePageReport } from '@/lib/db/handle-page-report';
import { RefundRadarDb } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import { knownFor, refundFacts } from '@/lib/db/queries';
import { loadSettings } from '@/lib/options/store';

(globalThis as Record<string, unknown>).__rrBench = { RefundRadarDb, upsertObservedRows, handlePageReport, knownFor, refundFacts, loadSettings };
