// A seeded mutation engine for the page readers (issue 6 point 1, "markup drift"). One case = one seed: a small demo
// page (3–5 refunds in one of the demo layouts, or one detail page) built from the demo seller center's own renderers
// (tests/fixtures), then 1–4 random mutations applied to its DOM. Everything follows from the seed, so a failing case
// is rebuilt exactly by `buildCase(seed)` (the test prints the seed, the mutations and the mutated HTML).
//
// Ground truth: the demo marks each readable row with `data-demo-refund-id` (the readers never look at it). Before
// the reading that is checked, the truth is copied into a WeakMap (row element → refund) and the attribute removed;
// a detail page's truth is its <body>.

// @ts-expect-error plain ESM fixtures without types
import { generateRefunds, prng as demoPrng, unreadableRows } from '../../fixtures/demo-data.mjs';
// @ts-expect-error plain ESM fixtures without types
import { LEGACY_COLUMNS, QN_COLUMNS, RENDERERS } from '../../fixtures/pages/rows.mjs';
// @ts-expect-error plain ESM fixtures without types
import { renderLegacyDetail, renderQianniuDetail } from '../../fixtures/pages/detail.mjs';

/** 2026-11-21 10:00 Beijing, the demo's render time and the reading time. */
export const NOW = Date.UTC(2026, 10, 21, 2, 0);
export const TRUTH_ATTR = 'data-demo-refund-id';

/** What the demo knows about one refund (a subset of demo-data.mjs's refund objects). */
export interface Truth {
  refundId: string;
  orderId: string;
  status: string;
  type: string;
  phase: string;
  goodsState: string;
  amountFen: number;
  appliedAt: number;
  pageDeadlineAt: number | null;
  deadlineKind: string;
}

const RAW = generateRefunds(NOW, { count: 60 }) as Array<Record<string, any>>;
const REFUNDS = RAW.map(
  (r): Truth => ({
    refundId: r.refundId,
    orderId: r.orderId,
    status: r.status,
    type: r.type,
    phase: r.phase,
    goodsState: r.goodsState,
    amountFen: r.amountFen,
    appliedAt: r.appliedAt,
    pageDeadlineAt: r.pageDeadlineAt,
    deadlineKind: r.deadlineDisplay.kind,
  }),
);
const JUNK_ROWS = unreadableRows(NOW) as Array<Record<string, any>>;
export const TRUTH_BY_ID = new Map(REFUNDS.map((t) => [t.refundId, t]));

// ---------------------------------------------------------------------------------------------------------------
// PRNG (mulberry32) and helpers

export type Rng = () => number;

export const prng = demoPrng as (seed: number) => Rng;

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!;
function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
const digits = (rng: Rng, n: number): string => Array.from({ length: n }, (_, i) => String(i === 0 ? 1 + int(rng, 9) : int(rng, 10))).join('');

// ---------------------------------------------------------------------------------------------------------------
// Pages

export type Layout = 'table' | 'grid' | 'cards' | 'legacy' | 'qn-detail' | 'legacy-detail';
export const LAYOUTS: readonly Layout[] = ['table', 'grid', 'cards', 'legacy', 'qn-detail', 'legacy-detail'];

/** Structural handles taken before any mutation (class names may be renamed later). */
interface Handles {
  /** The header row (its children are the header cells), when the layout has one. */
  header: Element | null;
  /** Per list row: the element whose children are its cells (table: the tr; grid: the row; legacy: the body). */
  cellRows: Element[];
  /** The row elements (ground truth or junk), in page order. */
  rows: Element[];
}

function header(columns: readonly string[]): string {
  return `<table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead></table>`;
}

function listHtml(layout: Layout, rows: string): string {
  if (layout === 'table') return `<div>${header(QN_COLUMNS)}<div>${rows}</div></div>`;
  if (layout === 'grid') {
    const heads = (QN_COLUMNS as string[]).map((c) => `<div role="columnheader">${c}</div>`).join('');
    return `<div role="grid"><div role="row">${heads}</div><div role="rowgroup">${rows}</div></div>`;
  }
  if (layout === 'legacy') return `<div><div>${(LEGACY_COLUMNS as string[]).map((c) => `<div>${c}</div>`).join('')}</div><div>${rows}</div></div>`;
  return `<div>${rows}</div>`;
}

function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/.exec(html);
  return m ? m[1]! : html;
}

function handlesOf(layout: Layout, root: Element): Handles {
  if (layout === 'qn-detail' || layout === 'legacy-detail') return { header: null, cellRows: [], rows: [] };
  const list = root.firstElementChild!;
  if (layout === 'cards') return { header: null, cellRows: [], rows: [...list.children] };
  const rowHolder = list.children[1]!;
  const rows = [...rowHolder.children];
  if (layout === 'table') {
    return { header: list.querySelector('tr'), cellRows: rows.map((r) => r.querySelector('tr')!), rows };
  }
  if (layout === 'grid') return { header: list.children[0]!, cellRows: rows, rows };
  // legacy: row = header line + body with the 8 columns
  return { header: list.children[0]!, cellRows: rows.map((r) => r.children[1]!), rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Junk text: random CJK (never characters of a label, status word or deadline trigger), ASCII, digit runs that
// look like ids and dates.

const SENSITIVE = [
  '退款编号售后编号单号订单号申请时间金额状态超时剩余倒计处理效货物发类型要求物流信息原因商品宝贝实付买家昵称操作',
  '成功关闭介入举证拒绝不同意待修改等退卖已经确认收签到达派送拒换请重新邮寄出处理中协商',
  '已超时还剩余天小时分钟秒元',
  '編號訂單請時間額後狀態貨發類換簽餘還買寶貝實處計資訊稱暱務倉賣絕經關閉確認無遞達運輸據證戶',
].join('');
const CJK_POOL = [...'的一是了我不人在他有这个上们来到大地为子你说生国年着就那和她也得里以会家可下而过去能对多然心学么之都好看起当没只如事把用第样道想作种开美总从情己面最女但现前些所同日手又行意动方期它头长儿回位爱老因很给名法斯知世什两次使身者被高亲其进此话常与活正感店铺优惠包邮规格颜色尺码黑白红蓝绿']
  .filter((ch) => !SENSITIVE.includes(ch));

function junkText(rng: Rng): string {
  switch (int(rng, 8)) {
    case 0:
      return Array.from({ length: 1 + int(rng, 6) }, () => pick(rng, CJK_POOL)).join('');
    case 1:
      return Array.from({ length: 1 + int(rng, 8) }, () => pick(rng, [...'abcXYZ-_#@!?.;/()[] '])).join('');
    case 2: // a digit run as long as an id
      return digits(rng, pick(rng, [6, 12, 18, 19, 24]));
    case 3: // a date, a date-time
      return pick(rng, ['2025-03-04', '2026-11-19 08:30', '2024/12/31 23:59:59', '2026年11月20日']);
    case 4:
      return `${pick(rng, CJK_POOL)}${digits(rng, 1 + int(rng, 19))}${pick(rng, CJK_POOL)}`;
    case 5:
      return pick(rng, ['7天无理由', '满2件9折', '¥5优惠券', 'NO.12345678', '#A1', '3.5', '—', '-', '·']);
    case 6:
      return `${pick(rng, CJK_POOL)}${pick(rng, CJK_POOL)} ${digits(rng, 3)}`;
    default:
      return String.fromCharCode(0x4e00 + int(rng, 40)).replace(/[^]/, (c) => (SENSITIVE.includes(c) ? '囧' : c));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

export const MUTATION_KINDS = [
  'shuffle-columns',
  'drop-column',
  'drop-cell',
  'drop-header-cell',
  'drop-label',
  'drop-field',
  'wrap',
  'rename-classes',
  'traditional-labels',
  'junk-text',
  'hidden-decoy',
  'duplicate-row',
  'shuffle-rows',
  'split-text',
  'inline-formatting',
  'zero-width',
  'nbsp',
  'full-width-digits',
  'remove-header',
  'comments',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

const TRADITIONAL_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['退款编号', '退款編號'],
  ['订单编号', '訂單編號'],
  ['订单号', '訂單號'],
  ['申请时间', '申請時間'],
  ['退款金额', '退款金額'],
  ['售后状态', '售後狀態'],
  ['超时时间', '超時時間'],
  ['货物状态', '貨物狀態'],
  ['发货状态', '發貨狀態'],
];
const LABEL_WORDS = ['退款编号', '订单编号', '订单号', '申请时间', '退款金额', '售后状态', '超时时间', '货物状态', '发货状态', '要求'];

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if ((c as Text).data !== '') out.push(c as Text);
      } else if (c.nodeType === 1 && !['script', 'style'].includes((c as Element).localName)) walk(c);
    }
  };
  walk(root);
  return out;
}

function elements(root: Element): Element[] {
  return [...root.querySelectorAll('*')];
}

const NUMBERISH = /[0-9０-９:：.\-/]/;
/** Does `node` start right after a digit and with a digit (inline text, so the two read as one number)? */
function insideNumber(node: Node): boolean {
  const prev = node.previousSibling?.textContent ?? '';
  const own = node.textContent ?? '';
  return prev !== '' && own !== '' && NUMBERISH.test(prev.at(-1)!) && NUMBERISH.test(own[0]!);
}

/** Is the node inside one of the demo's unreadable rows? Dropping a label there could make the row readable. */
function inJunkRow(c: Ctx, node: Node): boolean {
  return c.junk.some((j) => j.contains(node));
}

interface Ctx {
  /** The demo's unreadable rows on the page. */
  junk: Element[];
  rng: Rng;
  doc: Document;
  root: Element;
  layout: Layout;
  h: Handles;
}

/** Cells of a cell row as they are now (element children, not the hidden decoys this engine inserts). */
const cellsNow = (el: Element): Element[] => [...el.children].filter((k) => !k.hasAttribute('data-fuzz-decoy'));

function permuteChildren(parent: Element, perm: number[]): void {
  const kids = cellsNow(parent);
  if (kids.length !== perm.length) return;
  for (const i of perm) parent.appendChild(kids[i]!);
}

/** Applies one mutation; returns a short description, or null when it does not apply to this page. */
function applyMutation(kind: MutationKind, c: Ctx): string | null {
  const { rng, doc, root, h } = c;
  const hasColumns = h.header !== null && h.header.isConnected;
  switch (kind) {
    case 'shuffle-columns': {
      if (!hasColumns) return null;
      const n = cellsNow(h.header!).length;
      const perm = shuffle(rng, [...Array(n).keys()]);
      permuteChildren(h.header!, perm);
      for (const r of h.cellRows) permuteChildren(r, perm);
      return `${kind} [${perm.join(',')}]`;
    }
    case 'drop-column': {
      if (!hasColumns) return null;
      const n = cellsNow(h.header!).length;
      const i = int(rng, n);
      cellsNow(h.header!)[i]?.remove();
      for (const r of h.cellRows) if (cellsNow(r).length === n) cellsNow(r)[i]?.remove();
      return `${kind} ${i}`;
    }
    case 'drop-cell': {
      if (h.cellRows.length === 0) return null;
      const r = pick(rng, h.cellRows);
      const i = int(rng, cellsNow(r).length);
      cellsNow(r)[i]?.remove();
      return `${kind} row ${h.cellRows.indexOf(r)} cell ${i}`;
    }
    case 'drop-header-cell': {
      if (!hasColumns) return null;
      const i = int(rng, cellsNow(h.header!).length);
      cellsNow(h.header!)[i]?.remove();
      return `${kind} ${i}`;
    }
    case 'drop-label': {
      // Delete one label word (the value stays): "退款金额：￥59.00" → "：￥59.00".
      const word = pick(rng, LABEL_WORDS);
      const hits = textNodes(root).filter((t) => t.data.includes(word) && !inJunkRow(c, t));
      if (hits.length === 0) return null;
      const t = pick(rng, hits);
      t.data = t.data.replace(word, '');
      return `${kind} ${word}`;
    }
    case 'drop-field': {
      // Delete the smallest element holding one label and its value (a card's "标签：值" line, a detail item).
      const word = pick(rng, LABEL_WORDS);
      const hits = textNodes(root).filter((t) => t.data.includes(word) && !inJunkRow(c, t));
      if (hits.length === 0) return null;
      let el = pick(rng, hits).parentElement;
      while (el && el !== root && (el.textContent ?? '').trim().length <= word.length + 1) el = el.parentElement;
      if (!el || el === root) return null;
      el.remove();
      return `${kind} ${word}`;
    }
    case 'wrap': {
      const all = elements(root);
      const n = 1 + int(rng, 4);
      for (let k = 0; k < n && all.length > 0; k++) {
        const el = pick(rng, all);
        const w = doc.createElement(pick(rng, ['div', 'span', 'div', 'section']));
        el.replaceWith(w);
        w.appendChild(el);
      }
      return `${kind} ×${n}`;
    }
    case 'rename-classes': {
      const rename = rng() < 0.5;
      for (const el of elements(root)) {
        for (const attr of ['class', 'id']) {
          if (!el.hasAttribute(attr)) continue;
          if (rename) el.setAttribute(attr, `x${int(rng, 1e6).toString(36)}_${attr}`);
          else el.removeAttribute(attr);
        }
      }
      return `${kind} ${rename ? 'renamed' : 'removed'}`;
    }
    case 'traditional-labels': {
      for (const t of textNodes(root)) {
        let d = t.data;
        for (const [s, tr] of TRADITIONAL_LABELS) d = d.split(s).join(tr);
        if (d !== t.data) t.data = d;
      }
      return kind;
    }
    case 'junk-text': {
      const all = [root, ...elements(root)];
      const n = 1 + int(rng, 4);
      const added: string[] = [];
      for (let k = 0; k < n; k++) {
        const parent = pick(rng, all);
        const text = junkText(rng);
        added.push(text);
        const node = rng() < 0.5 ? doc.createTextNode(` ${text} `) : doc.createElement(pick(rng, ['span', 'div', 'i']));
        if (node.nodeType === 1) node.textContent = text;
        const kids = [...parent.childNodes];
        let at = kids.length ? kids[int(rng, kids.length + 1)] ?? null : null;
        // Never between two pieces of one number (after split-text): that would rewrite the number itself.
        if (at && insideNumber(at)) at = null;
        parent.insertBefore(node, at);
      }
      return `${kind} ${JSON.stringify(added)}`;
    }
    case 'hidden-decoy': {
      // A hidden "退款编号：<other id>" inside a row: never page content.
      const host = pick(rng, [...h.rows, root]);
      const el = doc.createElement('span');
      const how = int(rng, 3);
      if (how === 0) el.setAttribute('style', 'display: none');
      else if (how === 1) el.setAttribute('hidden', '');
      else el.setAttribute('aria-hidden', 'true');
      el.textContent = `退款编号：${digits(rng, 18)}`;
      el.setAttribute('data-fuzz-decoy', '');
      host.insertBefore(el, host.firstChild);
      return `${kind} ${['display:none', 'hidden', 'aria-hidden'][how]}`;
    }
    case 'duplicate-row': {
      if (h.rows.length === 0) return null;
      const r = pick(rng, h.rows.filter((x) => x.isConnected));
      if (!r) return null;
      const copy = r.cloneNode(true) as Element;
      r.after(copy);
      return `${kind} ${h.rows.indexOf(r)}`;
    }
    case 'shuffle-rows': {
      const live = h.rows.filter((x) => x.isConnected && x.parentElement === h.rows[0]?.parentElement);
      if (live.length < 2) return null;
      const parent = live[0]!.parentElement!;
      for (const r of shuffle(rng, [...live])) parent.appendChild(r);
      return kind;
    }
    case 'split-text': {
      const nodes = textNodes(root).filter((t) => t.data.length > 1);
      const n = 1 + int(rng, 6);
      for (let k = 0; k < n && nodes.length; k++) pick(rng, nodes).splitText(1 + int(rng, 1));
      for (let k = 0; k < n && nodes.length; k++) {
        const t = pick(rng, nodes);
        if (t.data.length > 1) t.splitText(1 + int(rng, t.data.length - 1));
      }
      return `${kind} ×${n}`;
    }
    case 'inline-formatting': {
      // "退款<em>编号</em>", "2099<b>1122</b>…": inline formatting belongs to one word.
      const nodes = textNodes(root).filter((t) => t.data.length > 2);
      const n = 1 + int(rng, 4);
      for (let k = 0; k < n && nodes.length; k++) {
        const t = pick(rng, nodes);
        if (!t.isConnected || t.data.length < 3) continue;
        const a = 1 + int(rng, t.data.length - 2);
        const mid = t.splitText(a);
        mid.splitText(1 + int(rng, mid.data.length - 1));
        const em = doc.createElement(pick(rng, ['b', 'em', 'strong', 'font', 'i']));
        mid.replaceWith(em);
        em.appendChild(mid);
      }
      return `${kind} ×${n}`;
    }
    case 'zero-width': {
      const nodes = textNodes(root);
      const n = 1 + int(rng, 10);
      for (let k = 0; k < n && nodes.length; k++) {
        const t = pick(rng, nodes);
        const at = int(rng, t.data.length + 1);
        t.data = t.data.slice(0, at) + pick(rng, ['\u200b', '\ufeff', '\u200c', '\u2060']) + t.data.slice(at);
      }
      return `${kind} ×${n}`;
    }
    case 'nbsp': {
      // No-break / ideographic spaces where a space may stand: around a text (never inside a number split into
      // text nodes, which would show "12:03 :26"), or instead of its spaces.
      for (const t of textNodes(root)) {
        if (rng() < 0.3) t.data = t.data.replace(/ /g, '\u00a0');
        if (rng() < 0.2 && !insideNumber(t) && !(t.nextSibling && insideNumber(t.nextSibling))) t.data = `${pick(rng, ['\u00a0', '\u3000', ' \u00a0'])}${t.data}${pick(rng, ['', '\u00a0', '\u3000'])}`;
      }
      return kind;
    }
    case 'full-width-digits': {
      const all = rng() < 0.5;
      for (const t of textNodes(root)) {
        if (all || rng() < 0.3) t.data = t.data.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      }
      return `${kind} ${all ? 'all' : 'some'}`;
    }
    case 'remove-header': {
      if (!hasColumns) return null;
      h.header!.remove();
      return kind;
    }
    case 'comments': {
      const all = elements(root);
      for (let k = 0; k < 3 && all.length; k++) {
        const el = pick(rng, all);
        el.insertBefore(doc.createComment(` ${junkText(rng)} 退款编号 `), el.firstChild);
      }
      return kind;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cases

/** Parsed pieces of markup, cloned for each case (parsing is the slow part of building a page). */
const parsed = new Map<string, Element>();
function parsedOnce(key: string, html: string): Element {
  let el = parsed.get(key);
  if (!el) {
    el = document.createElement('div');
    el.innerHTML = html;
    parsed.set(key, el);
  }
  return el;
}

const ROW_HOLDER = '<i data-fuzz-rows></i>';

export interface FuzzCase {
  seed: number;
  layout: Layout;
  /** The page root the reader gets (document.body). */
  root: Element;
  /** The refunds shown (ground truth), in page order before mutations. */
  truths: Truth[];
  /** Marked row elements → refund (the attributes themselves are removed from the page). */
  truth: TruthMap;
  /** Mutations applied so far. */
  mutations: string[];
  /** How many mutations this case applies in all (1–4). */
  planned: number;
  /** Applies the next mutation; false when the case has applied all of its mutations. */
  step(): boolean;
}

export interface TruthMap {
  map: WeakMap<Element, Truth>;
  /** The marked row elements, in page order at build time (a duplicated row adds its copy). */
  elements: Element[];
}

function pathTo(from: Element, to: Element): number[] {
  const path: number[] = [];
  for (let el: Element = to; el !== from; el = el.parentElement!) path.unshift([...el.parentElement!.children].indexOf(el));
  return path;
}
function follow(from: Element, path: number[]): Element | null {
  let el: Element | null = from;
  for (const i of path) el = el?.children[i] ?? null;
  return el;
}

/**
 * Builds the page of `seed` into `doc.body` (a fresh page per case); `step()` then applies its mutations one at a
 * time, so every intermediate page can be read. Deterministic in `seed`.
 */
export function buildCase(seed: number, doc: Document = document): FuzzCase {
  const rng = prng(seed);
  const layout = LAYOUTS[seed % LAYOUTS.length]!;
  const root = doc.body;
  root.removeAttribute(TRUTH_ATTR);
  let truths: Truth[];
  if (layout === 'qn-detail' || layout === 'legacy-detail') {
    const i = int(rng, RAW.length);
    const render = layout === 'qn-detail' ? renderQianniuDetail : renderLegacyDetail;
    const page = parsedOnce(`${layout}:${i}`, bodyOf(render(RAW[i], NOW)));
    root.replaceChildren(...[...page.childNodes].map((n) => n.cloneNode(true)));
    root.setAttribute(TRUTH_ATTR, REFUNDS[i]!.refundId);
    truths = [REFUNDS[i]!];
  } else {
    const count = 3 + int(rng, 3);
    const picked = shuffle(rng, [...RAW.keys()]).slice(0, count);
    const shown: Array<[string, Record<string, any>]> = picked.map((i) => [`${layout}:${i}`, RAW[i]!]);
    if (rng() < 0.3) {
      const j = int(rng, JUNK_ROWS.length);
      shown.splice(int(rng, shown.length + 1), 0, [`${layout}:junk${j}`, JUNK_ROWS[j]!]);
    }
    const skeleton = parsedOnce(`${layout}:list`, listHtml(layout, ROW_HOLDER));
    root.replaceChildren(skeleton.firstElementChild!.cloneNode(true));
    const holder = root.querySelector('[data-fuzz-rows]')!;
    holder.replaceWith(...shown.map(([key, r]) => parsedOnce(key, RENDERERS[layout](r, NOW)).firstElementChild!.cloneNode(true)));
    truths = picked.map((i) => REFUNDS[i]!);
  }
  const h = handlesOf(layout, root);
  const truth = truthMap(root);
  const c: Ctx = { rng, doc, root, layout, h, junk: h.rows.filter((r) => !truth.map.has(r)) };
  const cellPaths = h.cellRows.map((cr, k) => pathTo(h.rows[k]!, cr));

  const kinds = new Set<MutationKind>();
  const mutations: string[] = [];
  const planned = 1 + int(rng, 4);
  const step = (): boolean => {
    for (let tries = 0; mutations.length < planned && tries < 20; tries++) {
      const kind = pick(rng, MUTATION_KINDS);
      // A row cell dropped together with any header cell can line that row up under the wrong header by
      // construction (the page would then really say its order amount is the refund amount): never both.
      const dropsHeader = (k: MutationKind) => k === 'drop-header-cell' || k === 'drop-column';
      if ((kind === 'drop-cell' && [...kinds].some(dropsHeader)) || (dropsHeader(kind) && kinds.has('drop-cell'))) continue;
      const done = applyMutation(kind, c);
      if (done === null) continue;
      if (kind === 'duplicate-row') {
        // The copy is the same refund, and later column mutations apply to it too.
        const original = h.rows[Number(done.split(' ')[1])]!;
        const copy = original.nextElementSibling!;
        const t = truth.map.get(original);
        if (t) {
          truth.map.set(copy, t);
          truth.elements.push(copy);
        }
        h.rows.push(copy);
        const k = h.rows.indexOf(original);
        if (k < cellPaths.length) {
          const cr = follow(copy, cellPaths[k]!);
          if (cr) {
            h.cellRows.push(cr);
            cellPaths.push(cellPaths[k]!);
          }
        }
      }
      kinds.add(kind);
      mutations.push(done);
      return true;
    }
    return false;
  };
  return { seed, layout, root, truths, truth, mutations, planned, step };
}

/** Row element → refund, from the truth attributes (which are then removed, so the reader cannot see them). */
export function truthMap(root: Element): TruthMap {
  const map = new WeakMap<Element, Truth>();
  const marked: Element[] = [];
  for (const el of [root, ...root.querySelectorAll(`[${TRUTH_ATTR}]`)]) {
    const id = el.getAttribute(TRUTH_ATTR);
    if (id === null) continue;
    const t = TRUTH_BY_ID.get(id);
    if (t) {
      map.set(el, t);
      marked.push(el);
    }
    el.removeAttribute(TRUTH_ATTR);
  }
  return { map, elements: marked };
}

/** Puts the truth attributes back (to check the reader ignores them, and to print a failing page). */
export function markTruth(truth: TruthMap): () => void {
  const live = truth.elements.filter((el) => el.isConnected);
  for (const el of live) el.setAttribute(TRUTH_ATTR, truth.map.get(el)!.refundId);
  return () => {
    for (const el of live) el.removeAttribute(TRUTH_ATTR);
  };
}

/** The page of `seed` after its first `steps` mutations, as HTML with the truth attributes on. */
export function replayHtml(seed: number, steps: number): { html: string; mutations: string[] } {
  const c = buildCase(seed);
  for (let i = 0; i < steps; i++) c.step();
  const unmark = markTruth(c.truth);
  const html = c.root.innerHTML;
  unmark();
  return { html, mutations: c.mutations };
}
