// @vitest-environment happy-dom
// The popup's views rendered from buildDashboard on the §6.8/§6.9 worked example, in zh-CN and English.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DashboardView } from '@/components/popup/DashboardView';
import { PagePanel } from '@/components/popup/PagePanel';
import { buildDashboard, buildProjection } from '@/lib/dashboard/dashboard';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { NOW, OPEN, PAID_ORDERS, REFUNDS } from '../../indicators/worked-example';
import { installI18n } from '../i18n-double';
import { attachRoot, detachRoot } from '../render-root';

const FACTS = [...REFUNDS].sort((a, b) => (a.refundId < b.refundId ? -1 : 1));
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  official: { date: '2026-11-20', disputeRate: 0.0006, completionDays: 2.5, selfCompletionRate: 0.99, leadPct: 45 },
};
let root: HTMLElement;

beforeEach(() => {
  root = attachRoot();
});
afterEach(() => detachRoot(root));

const q = (sel: string) => root.querySelector(sel);
const text = (sel: string) => q(sel)?.textContent ?? '';

describe('DashboardView (zh-CN)', () => {
  beforeEach(() => installI18n('zh_CN'));

  it('shows the composite as an estimate: rank share, campaign line, lead, official side by side', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={2} onScenario={() => {}} />, root);
    expect(text('#composite-h')).toBe('售后服务综合指标（估算）');
    expect(text('[data-testid=rank-share]')).toBe('56.6%');
    expect(text('[data-testid=campaign]')).toContain('达到活动线');
    expect(text('[data-testid=lead]')).toBe('领先同行 43.4%');
    expect(q('[data-testid=partial]')).toBeNull();
    expect(text('[data-testid=official-lead]')).toContain('55.0%');
    expect(text('[data-testid=official-lead]')).toContain('2026-11-20');
  });

  it('sub-indicators: display digits, better/worse in text, official values and gaps', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} />, root);
    expect(text('[data-testid=sub-disputeRate] [data-testid=value]')).toBe('0.0667%');
    expect(text('[data-testid=sub-completionDays] [data-testid=value]')).toBe('2.40 天');
    expect(text('[data-testid=sub-selfCompletionRate] [data-testid=value]')).toBe('98.33%');
    expect(text('[data-testid=sub-disputeRate] [data-testid=vs-average]')).toContain('差于行业均值');
    expect(q('[data-testid=sub-disputeRate] [data-testid=vs-average]')!.className).toContain('bad');
    expect(text('[data-testid=sub-completionDays] [data-testid=vs-average]')).toContain('优于行业均值');
    expect(text('[data-testid=sub-disputeRate] [data-testid=official]')).toContain('0.0600%');
    expect(text('[data-testid=sub-disputeRate] [data-testid=official]')).toContain('+0.0067 个百分点');
    expect(text('[data-testid=sub-completionDays] [data-testid=official]')).toContain('−0.10 天');
    expect(text('[data-testid=platinum-all]')).toContain('白金标准');
  });

  it('urgent list: seller refunds by time left, linked to their detail page, opened with tabs.create', () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} />, root);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-testid=urgent-list] a')];
    expect(links.map((a) => a.textContent)).toEqual([OPEN.O4.refundId, OPEN.O1.refundId, OPEN.O2.refundId]);
    expect(links[0]!.href).toBe(`https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${OPEN.O4.refundId}&type=1`);
    expect(root.querySelector('[data-testid=urgent-list] li')!.textContent).toContain('还剩 1天 2时');
    links[0]!.click();
    expect(create).toHaveBeenCalledWith({ url: links[0]!.href });
  });

  it('coverage line: days recorded, paid orders missing, rows not understood (page + stored)', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW, 'deadline', { skippedRecords: 1 });
    render(<DashboardView dashboard={d} pageProblems={2} onScenario={() => {}} />, root);
    expect(text('[data-testid=coverage]')).toBe('已记录 28 天 · 缺成交笔数 0 天 · 未识别 3 行');
  });

  it('projection: an accessible SVG, markers, campaign line, and a table of all W + 1 points', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    const onScenario = vi.fn();
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={onScenario} />, root);
    const svg = q('[data-testid=projection-svg]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toContain('未来 28 天预测');
    expect(svg.querySelector('desc')!.textContent).toContain('今天 56.6%');
    expect(svg.querySelectorAll('.marker')).toHaveLength(28);
    expect(svg.querySelectorAll('.dispute-mark')).toHaveLength(2);
    expect(svg.querySelector('.campaign-line')).not.toBeNull();
    const rows = root.querySelectorAll('[data-testid=projection-table] tbody tr');
    expect(rows).toHaveLength(29);
    expect(rows[0]!.textContent).toContain('56.6%');
    expect(rows[28]!.textContent).toContain('33.3%');
    const now = root.querySelector<HTMLInputElement>('input[name=scenario][value=now]')!;
    now.click();
    expect(onScenario).toHaveBeenCalledWith('now');
  });

  it('first frame without the chart: the indicators, and an empty busy card titled like the chart in its place', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} showChart={false} />, root);
    expect(text('[data-testid=rank-share]')).toBe('56.6%');
    expect(q('[data-testid=projection-svg]')).toBeNull();
    expect(q('[data-testid=chart-pending]')!.getAttribute('aria-busy')).toBe('true');
    expect(text('[data-testid=chart-pending] h2')).toContain('未来 28 天预测');
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} showChart />, root);
    expect(q('[data-testid=chart-pending]')).toBeNull();
    expect(q('[data-testid=projection-svg]')).not.toBeNull();
  });

  it('series switch redraws the chart for a sub-indicator with its industry average line', async () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} />, root);
    await act(() => root.querySelector<HTMLInputElement>('input[name=series][value=disputeRate]')!.click());
    const svg = q('[data-testid=projection-svg]')!;
    expect(svg.getAttribute('data-series')).toBe('disputeRate');
    expect(svg.querySelector('.campaign-line')).toBeNull();
    expect(svg.querySelector('.avg-line')).not.toBeNull();
  });

  it('a scenario switch from buildProjection re-renders the table (`now` ends partial at k = 28)', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    const projection = buildProjection(FACTS, PAID_ORDERS, SETTINGS, NOW, 'now', d.windowEvents);
    render(<DashboardView dashboard={{ ...d, projection }} pageProblems={0} onScenario={() => {}} />, root);
    const rows = root.querySelectorAll('[data-testid=projection-table] tbody tr');
    expect(rows[28]!.textContent).toContain('0.0%（部分）');
    expect(rows[28]!.textContent).toContain('暂无数据');
    expect(root.querySelector<HTMLInputElement>('input[name=scenario][value=now]')!.checked).toBe(true);
  });

  it('fresh install: the empty state says what to do', () => {
    const d = buildDashboard([], {}, DEFAULT_SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} />, root);
    expect(text('[data-testid=empty-state]')).toContain('退款管理');
    expect(text('[data-testid=empty-state]')).toContain('支付宝成交笔数');
    expect(text('[data-testid=coverage]')).toBe('已记录 0 天 · 缺成交笔数 28 天 · 未识别 0 行');
    expect(q('[data-testid=composite]')).toBeNull();
  });

  it('no paid orders: 暂无数据 for the dispute rate and a partial estimate', () => {
    const d = buildDashboard(FACTS, {}, DEFAULT_SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={0} onScenario={() => {}} />, root);
    expect(text('[data-testid=sub-disputeRate] [data-testid=value]')).toBe('暂无数据');
    expect(text('[data-testid=partial]')).toBe('部分估算：缺少 退款纠纷率');
  });
});

describe('DashboardView (English)', () => {
  beforeEach(() => installI18n('en'));

  it('uses the English wording of §11', () => {
    const d = buildDashboard(FACTS, PAID_ORDERS, SETTINGS, NOW);
    render(<DashboardView dashboard={d} pageProblems={2} onScenario={() => {}} />, root);
    expect(text('#composite-h')).toBe('After-sales composite (estimate)');
    expect(text('[data-testid=lead]')).toBe('ahead of 43.4% of peers');
    expect(text('[data-testid=sub-completionDays] [data-testid=value]')).toBe('2.40 d');
    expect(text('[data-testid=coverage]')).toBe('28 days recorded · paid orders missing for 0 days · 2 rows not understood');
    expect(root.querySelector('[data-testid=urgent-list] li')!.textContent).toContain('1 d 2 h left');
  });
});

describe('PagePanel', () => {
  beforeEach(() => installI18n('zh_CN'));

  it('keeps the rows-read / rows-not-understood test ids', () => {
    const report = { url: 'u', pageKind: 'qianniu-list' as const, rowCount: 20, problemCount: 2, problems: [{ field: 'refundId' }], states: { ok: 18 }, at: NOW };
    render(<PagePanel load={{ kind: 'report', report }} />, root);
    expect(text('[data-testid=rows-read]')).toBe('本页识别 20 条退款');
    expect(text('[data-testid=rows-not-understood]')).toBe('未识别 2 行');
  });

  it('the sample names each failed field in words (退款编号), an unknown field by its key', () => {
    const problems = [{ refundId: '123456789012', field: 'appliedAt', text: '2099-13-45' }, { field: 'refundId', text: '退款编号：' }, { field: 'somethingNew' }];
    const report = { url: 'https://myseller.taobao.com/x', pageKind: 'qianniu-list' as const, rowCount: 1, problemCount: 3, problems, states: {}, at: NOW };
    render(<PagePanel load={{ kind: 'report', report }} />, root);
    const items = [...root.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(items).toEqual(['123456789012 · 字段：申请时间 · “2099-13-45”', '字段：退款编号 · “退款编号：”', '字段：somethingNew']);
  });
});
