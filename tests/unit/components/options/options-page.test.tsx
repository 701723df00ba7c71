// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { getPaidOrders, getSetting, RefundRadarDb, setPaidOrders } from '@/lib/db/index';
import { readSettings } from '@/lib/settings/stored';
import { installI18n } from '../i18n-double';
import { SETTINGS_KEY } from '@/lib/storage/keys';

// 2026-11-25 10:00 Beijing.
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);

let db: RefundRadarDb;
let root: HTMLElement;

function $(selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`not found: ${selector}`);
  return el;
}

async function type(selector: string, text: string): Promise<void> {
  const input = $(selector) as HTMLInputElement | HTMLTextAreaElement;
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(sectionId: string, buttonText = '保存'): Promise<void> {
  const button = [...$(`#${sectionId}`).querySelectorAll<HTMLButtonElement>('button[type="submit"]')].find((b) => b.textContent === buttonText);
  if (!button) throw new Error(`no ${buttonText} button in #${sectionId}`);
  await act(async () => {
    button.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

async function waitForStatus(sectionId: string, kind: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect($(`#${sectionId}-status`).dataset.status).toBe(kind));
  return $(`#${sectionId}-status`);
}

async function storedSettings() {
  return readSettings(await getSetting(db, SETTINGS_KEY));
}

beforeEach(async () => {
  installI18n('zh_CN');
  db = new RefundRadarDb();
  await db.open();
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OptionsApp db={db} now={() => NOW} />, root));
  await vi.waitFor(() => $('#platinum-lead'));
  await vi.waitFor(() => $('#paid-2026-11-25'));
});

afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await RefundRadarDb.delete('refund-radar');
});

describe('options page', () => {
  it('an invalid value shows its message next to the field and is not saved; a valid one is saved', async () => {
    await type('#platinum-lead', 'abc');
    const input = $('#platinum-lead');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('platinum-lead-error');
    expect($('#platinum-lead-error').textContent).toBe('请输入数字，例如 0.01');

    await type('#platinum-lead', '40');
    expect($('#platinum-lead-error').textContent).toBe('必须大于 50');
    await submit('weights');
    expect((await waitForStatus('weights', 'invalid')).textContent).toContain('有 1 处输入无效，未保存');
    expect(await getSetting(db, SETTINGS_KEY)).toBeUndefined();
    expect(document.activeElement).toBe(input);

    await type('#platinum-lead', '95');
    expect(root.querySelector('#platinum-lead-error')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await submit('weights');
    expect((await waitForStatus('weights', 'saved')).textContent).toMatch(/^已保存/);
    expect((await storedSettings()).platinumLead).toBe(95);
  });

  it('benchmarks: percentages are stored as exact fractions; a platinum worse than the average warns', async () => {
    await type('#bench-disputeRate-industryAverage', '0.07');
    await type('#bench-disputeRate-platinum', '0.5');
    expect($('#bench-disputeRate-warning').textContent).toContain('将忽略此白金标准');
    expect($('#bench-disputeRate-platinum').getAttribute('aria-describedby')).toContain('bench-disputeRate-warning');
    await submit('benchmarks');
    await waitForStatus('benchmarks', 'saved');
    const s = await storedSettings();
    expect(s.benchmarks.disputeRate).toEqual({ industryAverage: 0.0007, platinum: 0.005 });

    await type('#bench-selfCompletionRate-platinum', '101');
    expect($('#bench-selfCompletionRate-platinum-error').textContent).toBe('不能大于 100');
    await submit('benchmarks');
    await waitForStatus('benchmarks', 'invalid');
    expect((await storedSettings()).benchmarks.selfCompletionRate.platinum).toBeUndefined();
  });

  it('saving one section keeps what another section saved', async () => {
    await type('#threshold-seller-urgentHours', '8');
    await submit('thresholds');
    await waitForStatus('thresholds', 'saved');
    await act(() => ($('input[name="window-days"][value="30"]') as HTMLInputElement).click());
    await submit('weights');
    await waitForStatus('weights', 'saved');
    const s = await storedSettings();
    expect(s.thresholds.seller).toEqual({ urgentHours: 8, soonHours: 24 });
    expect(s.windowDays).toBe(30);
  });

  it('rules: restore defaults after an edit', async () => {
    await type('#rule-0-limitHours', '0');
    expect($('#rule-0-limitHours-error').textContent).toBe('必须大于 0');
    await type('#rule-0-limitHours', '72');
    await submit('rules');
    await waitForStatus('rules', 'saved');
    expect((await storedSettings()).rules[0]!.limitHours).toBe(72);
    const reset = [...$('#rules').querySelectorAll('button')].find((b) => b.textContent === '恢复默认')!;
    await act(() => reset.click());
    expect(($('#rule-0-limitHours') as HTMLInputElement).value).toBe('48');
    await submit('rules');
    await waitForStatus('rules', 'saved');
    expect((await storedSettings()).rules[0]!.limitHours).toBe(48);
  });

  it('paid orders: invalid count not saved, valid saved, cleared cell removed', async () => {
    await setPaidOrders(db, { '2026-11-20': 5 });
    // reload the page so the stored value shows
    render(null, root);
    await act(() => render(<OptionsApp db={db} now={() => NOW} />, root));
    await vi.waitFor(() => expect(($('#paid-2026-11-20') as HTMLInputElement).value).toBe('5'));

    await type('#paid-2026-11-25', '-3');
    expect($('#paid-2026-11-25-error').textContent).toBe('须为 ≥ 0 的整数');
    await submit('paid-orders');
    await waitForStatus('paid-orders', 'invalid');
    expect(await getPaidOrders(db, '2026-11-01', '2026-11-30')).toEqual({ '2026-11-20': 5 });

    await type('#paid-2026-11-25', '1,200');
    await type('#paid-2026-11-20', '');
    await submit('paid-orders');
    await waitForStatus('paid-orders', 'saved');
    expect(await getPaidOrders(db, '2026-11-01', '2026-11-30')).toEqual({ '2026-11-25': 1200 });
    expect(($('#paid-2026-11-25') as HTMLInputElement).value).toBe('1200');
  });

  it('paid orders: fill the last N days, then save', async () => {
    await type('#fill-days', '3');
    await type('#fill-count', '300');
    await submit('paid-orders', '填充');
    expect(($('#paid-2026-11-23') as HTMLInputElement).value).toBe('300');
    expect(($('#paid-2026-11-22') as HTMLInputElement).value).toBe('');
    expect(await getPaidOrders(db, '2026-11-01', '2026-11-30')).toEqual({});
    await submit('paid-orders');
    await waitForStatus('paid-orders', 'saved');
    expect(await getPaidOrders(db, '2026-11-01', '2026-11-30')).toEqual({ '2026-11-23': 300, '2026-11-24': 300, '2026-11-25': 300 });
  });

  it('paid orders: paste saves the valid lines and lists the invalid ones by line number', async () => {
    await type('#paste-text', '日期\t笔数\n2026-11-20\t312\n2026年11月21日\tabc\n2026/10/01,40\n2026-11-20\t320');
    await submit('paid-orders', '导入并保存');
    await vi.waitFor(() => expect($('[data-testid="paste-result"]').textContent).toContain('已保存 2 天'));
    const text = $('[data-testid="paste-result"]').textContent!;
    expect(text).toContain('第 3 行');
    expect(text).toContain('笔数必须是不小于 0 的整数');
    expect(text).toContain('已跳过表头行：第 1 行');
    expect(await getPaidOrders(db, '2026-01-01', '2026-12-31')).toEqual({ '2026-10-01': 40, '2026-11-20': 320 });
    expect(($('#paid-2026-11-20') as HTMLInputElement).value).toBe('320');
  });

  it('official figures: 排名占比 is converted to the lead', async () => {
    await type('#official-date', '2026-11-20');
    await act(() => ($('input[name="lead-mode"][value="rank"]') as HTMLInputElement).click());
    await type('#official-leadPct', '43.7');
    expect($('#official-leadPct-hint').textContent).toContain('56.3');
    await type('#official-disputeRate', '0.0052');
    await submit('official');
    await waitForStatus('official', 'saved');
    expect((await storedSettings()).official).toEqual({ date: '2026-11-20', disputeRate: 0.000052, leadPct: 56.3 });
  });

  it('privacy: storeBuyerNick is off by default and saved when turned on', async () => {
    const box = $('#store-buyer-nick') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(() => box.click());
    await submit('privacy');
    await waitForStatus('privacy', 'saved');
    expect((await storedSettings()).storeBuyerNick).toBe(true);
  });

  it('a failed write is shown, never silent', async () => {
    await type('#threshold-buyer-soonHours', '72');
    db.close();
    await submit('thresholds');
    const status = await waitForStatus('thresholds', 'failed');
    expect(status.textContent).toMatch(/^保存失败：/);
  });
});
