// Second half of `cargo xtask bench search`: for each prepared corpus, index
// the HTML pages with Pagefind (timed), then run the same queries through our
// search page and through Pagefind in Chromium, counting the bytes each
// downloads for a query (cold: a fresh page; warm: the next query in it) and
// the time to results. Prints one table.
//
// usage: node search.mjs DIST CORPORA_DIR COUNT...
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from '../e2e/server.mjs';

const [dist, root, ...counts] = process.argv.slice(2);
const QUERIES = ['điều hành', 'dang uy', 'chuyển đổi số', 'Đà Nẵng', 'giao thông nông thôn', 'mật ong', 'hồ sơ trực tuyến', 'thổ cẩm'];
const PAGEFIND = new URL('node_modules/.bin/pagefind', import.meta.url).pathname;

function folder(dir) {
  let bytes = 0, files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folder(path);
      bytes += inner.bytes; files += inner.files;
    } else {
      bytes += statSync(path).size; files += 1;
    }
  }
  return { bytes, files };
}

const average = (values) => values.reduce((a, b) => a + b, 0) / values.length;

async function measure(browser, url, prepare, runQuery, countsFor) {
  const cold = [], warm = [], coldMs = [], warmMs = [];
  for (let i = 0; i < QUERIES.length; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Each response's size, filed under the phase in which it arrived.
    let phase = 'setup';
    const sizes = { setup: [], cold: [], warm: [], done: [] };
    page.on('response', (response) => {
      if (countsFor(new URL(response.url()).pathname)) {
        sizes[phase].push(response.body().then((body) => body.length, () => 0));
      }
    });
    const total = async (name) => (await Promise.all(sizes[name])).reduce((a, b) => a + b, 0);
    await page.goto(url);
    await prepare(page);
    phase = 'cold';
    coldMs.push(await runQuery(page, QUERIES[i]));
    phase = 'warm';
    warmMs.push(await runQuery(page, QUERIES[(i + 1) % QUERIES.length]));
    phase = 'done';
    // Pagefind loads its engine on the first search; count that as cold.
    cold.push((await total('setup')) + (await total('cold')));
    warm.push(await total('warm'));
    await context.close();
  }
  return { cold: average(cold), warm: average(warm), coldMs: average(coldMs), warmMs: average(warmMs) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
for (const count of counts) {
  const corpus = join(root, count);
  const ours = JSON.parse(readFileSync(join(corpus, 'stats.json'), 'utf8'));

  const html = join(corpus, 'html');
  const started = process.hrtime.bigint();
  execFileSync(PAGEFIND, ['--site', html, '--output-subdir', 'pagefind', '--quiet'], { stdio: 'inherit' });
  const pagefindSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const pagefindIndex = folder(join(html, 'pagefind'));
  writeFileSync(join(html, 'bench.html'), '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body></body></html>');

  const app = await serveDist(dist, { data: join(corpus, 'data') });
  const oursFigures = await measure(
    browser,
    `${app.url}/tim-kiem`,
    (page) => page.locator('.search-empty').waitFor(),
    async (page, query) => {
      const box = page.locator('.search-box.large input');
      await box.fill(query);
      const t0 = Date.now();
      await box.press('Enter');
      await page.waitForFunction((q) => {
        const count = document.querySelector('.search-count');
        return count && count.textContent.includes(q);
      }, query);
      return Date.now() - t0;
    },
    (path) => path.startsWith('/data/search/'),
  );
  app.server.close();

  const pf = await serveDist(html);
  const pagefindFigures = await measure(
    browser,
    `${pf.url}/bench.html`,
    (page) => page.evaluate(async () => { window.pagefind = await import('/pagefind/pagefind.js'); }),
    (page, query) => page.evaluate(async (q) => {
      const t0 = performance.now();
      const search = await window.pagefind.search(q);
      await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return performance.now() - t0;
    }, query),
    (path) => path.startsWith('/pagefind/'),
  );
  pf.server.close();

  rows.push({ count, engine: 'ours', build: ours.press_seconds, files: ours.index_files, bytes: ours.index_bytes, ...oursFigures, note: 'press, all stages' });
  rows.push({ count, engine: 'Pagefind 1.6', build: pagefindSeconds, files: pagefindIndex.files, bytes: pagefindIndex.bytes, ...pagefindFigures, note: 'index only' });
}
await browser.close();

const kb = (n) => (n / 1024).toFixed(1);
console.log(`queries: ${QUERIES.join(' · ')}; bytes are what the browser downloads for the search (raw, as served)`);
console.log('| articles | engine | build s | index files | index MB | cold KB/query | warm KB/query | cold ms | warm ms |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${Number(r.count).toLocaleString('en')} | ${r.engine} | ${r.build.toFixed(1)} (${r.note}) | ${r.files} | ${(r.bytes / 1048576).toFixed(1)} | ${kb(r.cold)} | ${kb(r.warm)} | ${r.coldMs.toFixed(0)} | ${r.warmMs.toFixed(0)} |`);
}
for (const count of counts) {
  const [o, p] = rows.filter((r) => r.count === count);
  console.log(`${count} articles: ours downloads ${(o.cold / p.cold).toFixed(2)}× Pagefind's bytes cold, ${(o.warm / p.warm).toFixed(2)}× warm`);
}
