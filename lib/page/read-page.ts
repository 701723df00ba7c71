// What the content script reads a page with: a reading context per page change, and one row at a time (the rows
// come from added-rows.ts). Reading a whole page in one pass is the tests' reference reader
// (tests/unit/page/reference-reader.ts), not the product's.
export { readRefundRow } from './read-row';
export { createReadContext, type ReadContext } from './columns';
