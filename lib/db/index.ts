// The local history (background service worker and extension pages only; never import from a content script).
export * from './schema';
export * from './upsert';
export * from './queries';
