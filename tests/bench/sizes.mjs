// Size figures: gzip (level 9) of each entry's JavaScript in the built extension. A page's size is its whole static
// chunk graph: the module scripts and modulepreloads of its HTML plus every chunk they import, each file gzipped
// on its own (as the browser loads them).
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
const KB = 1024;

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function importsOf(code) {
  const out = new Set();
  const re = /(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g;
  for (let m; (m = re.exec(code)); ) out.add(m[1]);
  return [...out];
}

async function chunkGraph(root, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const file = join(root, rel);
    if (!existsSync(file)) continue;
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      queue.push(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(rel), spec)));
    }
  }
  return [...seen];
}

export async function sizeBench(root) {
  const figures = [];
  const detail = {};
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  const contentScripts = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  for (const rel of contentScripts) {
    const files = await chunkGraph(root, [rel]);
    let bytes = 0;
    for (const f of files) bytes += await gz(join(root, f));
    detail[rel] = files;
    figures.push({ name: `gzip ${rel}`, value: bytes / KB, unit: 'KB', budget: 30 });
  }
  const bg = manifest.background?.service_worker;
  if (bg) {
    const files = await chunkGraph(root, [bg]);
    let bytes = 0;
    for (const f of files) bytes += await gz(join(root, f));
    detail[bg] = files;
    figures.push({ name: `gzip ${bg}`, value: bytes / KB, unit: 'KB', budget: null });
  }
  const pages = (await readdir(root)).filter((f) => f.endsWith('.html')).sort();
  for (const html of pages) {
    const text = await readFile(join(root, html), 'utf8');
    const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"[^>]*>/g)].map((m) => m[1]);
    const entries = refs.map((r) => (r.startsWith('/') ? r.slice(1) : posix.normalize(posix.join(dirname(html), r))));
    const files = await chunkGraph(root, entries);
    let bytes = 0;
    for (const f of files) bytes += await gz(join(root, f));
    detail[html] = files;
    figures.push({ name: `gzip ${html} (JS chunk graph)`, value: bytes / KB, unit: 'KB', budget: null });
  }
  return { figures, detail };
}
