// Issue 4 end to end: the refund log lists what was browsed; CSV export downloads the right columns; a JSON export
// imported into a fresh profile gives back the same log.
import { readFileSync } from 'node:fs';
import { expect, settle, test, waitUntilStored } from './harness';
// @ts-expect-error plain ESM fixtures without types
import { launchWithExtension } from '../fixtures/browser.mjs';

const HEADERS_ZH = '退款编号,订单编号';

test('export CSV and JSON from the log, import the JSON into a fresh profile, see the same log', async ({ demo, browserTz }) => {
  const first = await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz });
  let jsonPath = '';
  let summary = '';
  try {
    const page = await first.context.newPage();
    await page.goto('https://myseller.taobao.com/home.htm/trade-platform/refund-list?pageSize=60');
    const badges = await settle(page);
    const shown = badges.length;

    // The log reads the history once it is stored (the page report is throttled to one a second).
    const log = await first.context.newPage();
    await log.goto(`chrome-extension://${first.extensionId}/log.html`);
    await waitUntilStored(log, badges.map((b) => b.refundId!));
    await log.reload();
    await expect(log.getByTestId('summary')).toContainText(`共 ${shown} 条退款`);
    summary = (await log.getByTestId('summary').textContent()) ?? '';

    // CSV: BOM, CRLF, the stable columns, one line per refund.
    const [csvDownload] = await Promise.all([log.waitForEvent('download'), log.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^退款日志-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain(HEADERS_ZH);
    expect(lines[0]!.split(',')).toHaveLength(16);
    expect(lines).toHaveLength(shown + 1);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(new Set(ids)).toEqual(new Set(demo.refunds.slice(0, shown).map((r) => r.refundId)));

    const [jsonDownload] = await Promise.all([log.waitForEvent('download'), log.getByTestId('export-json').click()]);
    jsonPath = `test-results/refund-radar-export-${Date.now()}.json`;
    await jsonDownload.saveAs(jsonPath);
    await log.screenshot({ path: 'tests/artifacts/e2e/log.png' });
  } finally {
    await first.close();
  }

  // A fresh profile: empty log, then the import brings every refund back.
  const second = await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz });
  try {
    const log = await second.context.newPage();
    await log.goto(`chrome-extension://${second.extensionId}/log.html`);
    await expect(log.getByTestId('empty')).toBeVisible();
    await log.getByTestId('import-file').setInputFiles(jsonPath);
    await expect(log.getByTestId('import-dialog')).toBeVisible();
    await expect(log.getByTestId('import-rejected')).toHaveText('0');
    const added = Number(await log.getByTestId('import-added').textContent());
    expect(summary).toContain(`共 ${added} 条退款`);
    await log.keyboard.press('Escape');
    await expect(log.getByTestId('summary')).toHaveText(summary);
  } finally {
    await second.close();
  }
});
