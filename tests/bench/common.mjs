// Shared helpers of the benchmark runner: browsers with and without the extension, medians, CPU-profile attribution.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs, launchWithExtension } from '../fixtures/browser.mjs';

export const VIEWPORT = { width: 1440, height: 900 };

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Chromium with the copied extension (fresh profile), or the same flags without it. */
export async function launch({ extensionPath, port, withExtension, userDataDir }) {
  if (withExtension) return launchWithExtension({ extensionPath, port, headless: true, userDataDir });
  const profile = await mkdtemp(join(tmpdir(), 'refund-radar-bench-noext-'));
  const args = chromiumArgs(extensionPath, port, true).filter((a) => !a.startsWith('--disable-extensions-except') && !a.startsWith('--load-extension'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args,
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    viewport: VIEWPORT,
  });
  return {
    context,
    extensionId: null,
    close: async () => {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/**
 * Time (ms) of the samples of a V8 CPU profile whose stack contains a frame of a script whose URL passes `match`
 * (inclusive time: DOM calls made from it count), and its heaviest self-time functions.
 */
export function attribute(profile, match) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = new Map();
  const isInside = (id) => {
    if (inside.has(id)) return inside.get(id);
    const n = byId.get(id);
    const p = parent.get(id);
    const v = match(n.callFrame.url) || (p !== undefined && isInside(p));
    inside.set(id, v);
    return v;
  };
  let total = 0;
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i + 1] is the time until the next sample: the time this sample stands for.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const id = samples[i];
    if (!isInside(id)) continue;
    total += dt;
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }));
  return { total, top };
}

export const isExtensionUrl = (url) => url.startsWith('chrome-extension://');
