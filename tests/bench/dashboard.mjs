// `cargo xtask bench dashboard`: "Số liệu" with a year of a large portal's
// readers (365 days × 5,000 pages, every page read every day: the most rows
// `page_days` can hold for that portal) against an empty dashboard, in one
// run: the staff queries' p50/p99 on the self-hosted function (beside its
// bare /healthz), and in Chromium the bytes downloaded and the time from
// "Xem số liệu" to the chart drawn with every section filled.
//
// usage: node dashboard.mjs DIST PORTAL_COUNTER COUNTER_TRAFFIC WORK_DIR
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { freePort, serveDist } from '../e2e/server.mjs';

const [dist, counterBin, trafficBin, work] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TOKEN = 'bench-so-lieu-token';
const BIG = { days: 365, pages: 5000, visitors: 5000 };
const QUERIES = 100;
const VIEWS = 5;

/** A database of `shape`, kept between runs (generating the big one takes minutes). */
function database(name, shape) {
  const db = join(work, `${name}.sqlite3`);
  const paths = join(work, `${name}-paths.json`);
  const stamp = join(work, `${name}.made`);
  const today = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
  const wanted = JSON.stringify({ ...shape, today });
  if (!existsSync(stamp) || (existsSync(stamp) && spawnSync('cat', [stamp], { encoding: 'utf8' }).stdout !== wanted)) {
    for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
    const started = Date.now();
    const made = spawnSync(trafficBin, ['--db', db, '--days', `${shape.days}`, '--pages', `${shape.pages}`, '--visitors', `${shape.visitors}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (made.status !== 0) throw new Error(made.stderr);
    writeFileSync(paths, made.stdout);
    writeFileSync(stamp, wanted);
    console.log(`  generated ${name}: ${shape.days} days × ${shape.pages} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { db, paths };
}

async function start({ db, paths }) {
  const port = await freePort();
  const counter = spawn(counterBin, ['--listen', `127.0.0.1:${port}`, '--db', db, '--staff-token', TOKEN, '--known-paths', paths, '--behind-proxy'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await createInterface({ input: counter.stdout })[Symbol.asyncIterator]().next();
  const site = await serveDist(dist, { counter: `http://127.0.0.1:${port}`, folders: 'redirect', compress: true });
  return { counter, site, url: `http://127.0.0.1:${port}` };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

let clients = 0;
async function latency(url, path) {
  const times = [];
  // Each series from its own (forwarded) address: the 120-a-minute staff cap
  // is per address, and a series is 100 requests.
  clients += 1;
  const headers = { Authorization: `Bearer ${TOKEN}`, 'X-Forwarded-For': `192.0.2.${clients}` };
  for (let i = 0; i < QUERIES; i += 1) {
    const started = performance.now();
    const answer = await fetch(`${url}${path}`, { headers });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function firstView(browser, site) {
  const bytes = [];
  const times = [];
  for (let i = 0; i < VIEWS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    let total = 0;
    cdp.on('Network.loadingFinished', (event) => { total += event.encodedDataLength; });
    await tab.goto(`${site.url}/quan-tri/so-lieu/`);
    await tab.getByLabel('Mã truy cập').fill(TOKEN);
    const started = Date.now();
    await tab.getByRole('button', { name: 'Xem số liệu' }).click();
    await tab.locator('body[data-loaded="true"] #bieu-do-truy-cap canvas').waitFor();
    times.push(Date.now() - started);
    bytes.push(total);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(VIEWS / 2)], bytes: Math.max(...bytes) };
}

mkdirSync(work, { recursive: true });
console.log('bench dashboard ("Số liệu"): an empty function against 365 days × 5,000 pages, one run');
const sets = { empty: database('empty', { days: 0, pages: 1, visitors: 0 }), big: database('big', BIG) };
const size = (file) => (existsSync(file) ? statSync(file).size : 0);
console.log(`  big database: ${(size(sets.big.db) / 1e6).toFixed(0)} MB (visitors, hits and marks of a year included)`);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const results = {};
for (const [name, set] of Object.entries(sets)) {
  const running = await start(set);
  try {
    const queries = {
      healthz: await latency(running.url, '/healthz'),
      'stats (30 ngày)': await latency(running.url, '/v1/staff/stats'),
    };
    queries['stats (365 ngày)'] = await latency(running.url, `/v1/staff/stats?from=${new Date(Date.now() + 7 * 3600000 - 364 * 86400000).toISOString().slice(0, 10)}`);
    queries['pages (30 ngày)'] = await latency(running.url, '/v1/staff/pages');
    queries['ratings (tháng)'] = await latency(running.url, `/v1/staff/ratings?month=${new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 7)}`);
    results[name] = { queries, view: await firstView(browser, running.site) };
  } finally {
    running.counter.kill('SIGKILL');
    running.site.server.close();
  }
}
await browser.close();
console.log('\n  staff query            empty p50/p99 (ms)    365×5,000 p50/p99 (ms)   p99 ratio');
for (const query of Object.keys(results.big.queries)) {
  const [e, b] = [results.empty.queries[query], results.big.queries[query]];
  console.log(`  ${query.padEnd(22)} ${e.p50.toFixed(1).padStart(8)} / ${e.p99.toFixed(1).padEnd(8)}     ${b.p50.toFixed(1).padStart(8)} / ${b.p99.toFixed(1).padEnd(8)}    ${(b.p99 / e.p99).toFixed(1)}×`);
}
const [e, b] = [results.empty.view, results.big.view];
console.log(`\n  first view (sign in → chart and every section drawn, median of ${VIEWS}):`);
console.log(`  time   empty ${e.ms} ms   365×5,000 ${b.ms} ms   = ${(b.ms / e.ms).toFixed(2)}×`);
console.log(`  bytes  empty ${e.bytes.toLocaleString('vi-VN')} B   365×5,000 ${b.bytes.toLocaleString('vi-VN')} B   = ${(b.bytes / e.bytes).toFixed(2)}× (brotli from the static host, JSON from the function)`);
