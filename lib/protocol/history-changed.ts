// Log page → background: the history was changed elsewhere (an import): drop what is kept in memory.
import * as z from 'zod/mini';

export const HistoryChangedSchema = z.object({ type: z.literal('history-changed') });

export const HistoryChangedReplySchema = z.object({ ok: z.literal(true) });
