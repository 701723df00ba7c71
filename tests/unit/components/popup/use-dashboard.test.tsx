// @vitest-environment happy-dom
// The popup's dashboard sources: the background's answer, the stored snapshot while a cold background is slow,
// and the snapshot's own checks.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/components/popup/App';
import type { EarlyRequests } from '@/components/popup/sources';
import type { ShownDashboard } from '@/lib/dashboard/shown-dashboard';
import { SNAPSHOT_AFTER_MS } from '@/components/popup/use-dashboard';
import { buildDashboard } from '@/lib/dashboard/dashboard';
import { fromSnapshot, toSnapshot } from '@/lib/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { DAY_MS, formatBeijing } from '@/lib/time/beijing';
import { NOW, PAID_ORDERS, REFUNDS } from '../../indicators/worked-example';
import { installI18n } from '../i18n-double';
import { attachRoot, detachRoot } from '../render-root';

const FACTS = [...REFUNDS].sort((a, b) => (a.refundId < b.refundId ? -1 : 1));
const FRESH = buildDashboard(FACTS, PAID_ORDERS, DEFAULT_SETTINGS, NOW);
const OLD = buildDashboard(FACTS, PAID_ORDERS, DEFAULT_SETTINGS, NOW - DAY_MS);

let root: HTMLElement;
beforeEach(() => {
  installI18n('zh_CN');
  root = attachRoot();
});
afterEach(() => detachRoot(root));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const asOf = () => root.querySelector('[data-testid=as-of]')?.textContent ?? null;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function early(dashboard: Promise<ShownDashboard | null>, snapshot: ShownDashboard | null): EarlyRequests {
  return { dashboard, snapshot: () => Promise.resolve(snapshot), tab: Promise.resolve({ kind: 'none' }) };
}

describe('popup dashboard sources', () => {
  it('a slow background: the snapshot shows, marked as updating, until the fresh dashboard replaces it', async () => {
    const answer = deferred<ShownDashboard | null>();
    await act(() => render(<App early={early(answer.promise, OLD)} />, root));
    expect(root.querySelector('[data-testid=skeleton], .skeleton')).not.toBeNull();
    await act(() => sleep(SNAPSHOT_AFTER_MS + 50));
    expect(asOf()).toContain(formatBeijing(NOW - DAY_MS));
    expect(asOf()).toContain('正在更新');
    await act(async () => {
      answer.resolve(FRESH);
      await sleep(0);
    });
    expect(asOf()).toContain(formatBeijing(NOW));
    expect(asOf()).not.toContain('正在更新');
  });

  it('a quick background: the snapshot is never painted', async () => {
    await act(() => render(<App early={early(Promise.resolve(FRESH), OLD)} />, root));
    await act(() => sleep(0));
    expect(asOf()).toContain(formatBeijing(NOW));
    await act(() => sleep(SNAPSHOT_AFTER_MS + 50));
    expect(asOf()).toContain(formatBeijing(NOW));
    expect(asOf()).not.toContain('正在更新');
  });

  it('the snapshot keeps what the popup shows, and is refused from another version or in another shape', () => {
    const stored = JSON.parse(JSON.stringify(toSnapshot(FRESH, '1.2.3')));
    expect(stored.dashboard.windowEvents).toBeUndefined();
    expect(fromSnapshot(stored, '1.2.3')).toEqual(JSON.parse(JSON.stringify({ ...FRESH, windowEvents: undefined })));
    expect(fromSnapshot(stored, '1.2.4')).toBeNull();
    expect(fromSnapshot({ version: '1.2.3', dashboard: { ...stored.dashboard, subIndicators: [] } }, '1.2.3')).toBeNull();
    expect(fromSnapshot({ version: '1.2.3', dashboard: { ...stored.dashboard, empty: true } }, '1.2.3')).toBeNull();
    for (const junk of [undefined, null, 'x', 42, { version: '1.2.3' }, { version: '1.2.3', dashboard: 'x' }]) expect(fromSnapshot(junk, '1.2.3')).toBeNull();
  });
});
