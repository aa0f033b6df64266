// End to end: "Số liệu" (/quan-tri/so-lieu/), the staff's dashboard, in
// Chromium against the real portal-counter holding 30 days of generated
// readers (counter-traffic: the counter's own rules with a simulated clock),
// served as the hosts we document serve it, the function behind /api/counter.
// Every figure below is recomputed here from the generator's plain pattern.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { freePort, serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const COUNTER_BIN = process.env.COUNTER_BIN ?? join(ROOT, 'target/debug/portal-counter');
const TRAFFIC_BIN = process.env.COUNTER_TRAFFIC_BIN ?? join(ROOT, 'target/debug/counter-traffic');
const TOKEN = 'so-lieu-e2e-7f3a9c21d4';
const DAYS = 30;
const PAGES = 40;
const VISITORS = 20;
const KINDS = ['Bài viết', 'Văn bản', 'Trang'];

let work, site, browser, counter, draft, code;

// The generator's pattern (crates/counter-server/src/bin/counter-traffic.rs).
const readers = (d) => VISITORS + ((d * 7) % 11);
const pagePath = (j) => [`/bai-viet/tin-${j}`, `/van-ban/vb-${j}`, `/trang-${j}`][j % 3];
const vietnamDay = (d) => new Date(Date.now() + 7 * 3600000 - d * 86400000).toISOString().slice(0, 10);
const viDate = (date) => date.split('-').reverse().join('/');
const digits = (text) => Number(text.replace(/\D/g, ''));

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'portal-so-lieu-'));
  const db = join(work, 'c.sqlite3');
  const generated = spawnSync(TRAFFIC_BIN, ['--db', db, '--days', `${DAYS}`, '--pages', `${PAGES}`, '--visitors', `${VISITORS}`], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  writeFileSync(join(work, 'counted-paths.json'), generated.stdout);
  // What the function checks comments and questions against, from the site, beside the list.
  for (const file of ['consultations.json', 'question-topics.json']) copyFileSync(join(DIST, 'data', file), join(work, file));
  const port = await freePort();
  site = await serveDist(DIST, { counter: `http://127.0.0.1:${port}`, folders: 'redirect' });
  counter = spawn(COUNTER_BIN, [
    '--listen', `127.0.0.1:${port}`, '--db', db, '--allow-origin', site.url,
    '--staff-token', TOKEN, '--known-paths', join(work, 'counted-paths.json'),
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  await createInterface({ input: counter.stdout })[Symbol.asyncIterator]().next();
  // A comment on the first open draft and a question waiting for its answer.
  const send = async (path, body) => {
    const answer = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { origin: site.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await answer.text();
    assert.equal(answer.status, 201, text);
    return JSON.parse(text);
  };
  [draft] = JSON.parse(readFileSync(join(work, 'consultations.json'), 'utf8'));
  await send('/v1/comments', { path: draft.path, name: 'Lý Văn Páo', content: 'Đề nghị làm rõ giờ làm việc.', consent: true });
  ({ code } = await send('/v1/questions', { name: 'Hoàng Thị Dung', topic: JSON.parse(readFileSync(join(work, 'question-topics.json'), 'utf8'))[0], question: 'Xin hỏi thủ tục cấp lại sổ hộ khẩu?', consent: true }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  site?.server.close();
  counter?.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A tab on the dashboard, recording script errors and policy violations. */
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => { if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text()); });
  // The folder without its slash: redirected, as nginx and the static hosts do.
  await tab.goto(`${site.url}/quan-tri/so-lieu?fbclid=IwAR0`);
  return { context, tab, problems };
}

async function signIn(tab, token = TOKEN) {
  await tab.getByLabel('Mã truy cập').fill(token);
  await tab.getByRole('button', { name: 'Xem số liệu' }).click();
}

const cells = (tab, table) => tab.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));

test('a wrong token gets a clear Vietnamese error, never a blank page, and no figure', async () => {
  const { context, tab, problems } = await open();
  assert.equal(new URL(tab.url()).pathname, '/quan-tri/so-lieu/');
  await signIn(tab, 'ma-sai-0000');
  const alert = tab.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Mã truy cập không đúng/);
  assert.equal(await tab.locator('#dang-nhap').isVisible(), true, 'the sign-in form stays');
  assert.equal(await tab.locator('#so-lieu').isVisible(), false);
  assert.equal(await tab.evaluate(() => sessionStorage.getItem('so-lieu-token')), null, 'a refused token is not kept');
  assert.ok(!tab.url().includes('ma-sai'), 'the token is never in the address');
  assert.deepEqual(problems, []);
  await context.close();
});

test('signed in, the dashboard draws the days, ranks the pages, adds up a month, downloads CSV and prints the report', async () => {
  const { context, tab, problems } = await open();
  await signIn(tab);
  await tab.locator('body[data-loaded="true"]').waitFor();
  assert.ok(!tab.url().includes(TOKEN), 'the token is never in the address');
  assert.equal(await tab.evaluate(() => sessionStorage.getItem('so-lieu-token')), TOKEN);

  // Visits per day: the chart's table says what was sent, newest first.
  const days = await cells(tab, '#bang-ngay');
  assert.equal(days.length, DAYS);
  for (let d = 0; d < DAYS; d += 1) {
    assert.deepEqual(days[d].map((cell, i) => (i ? digits(cell) : cell)), [viDate(vietnamDay(d)), readers(d), readers(d)], `day ${d}`);
  }
  const total = Array.from({ length: DAYS }, (_, d) => readers(d)).reduce((a, b) => a + b, 0);
  assert.equal(digits(await tab.locator('#truy-cap .totals [data-o="visits"]').innerText()), total);
  assert.equal(await tab.locator('#bieu-do-truy-cap canvas').count() > 0, true, 'the chart is drawn');
  assert.ok((await tab.locator('#bieu-do-truy-cap canvas').first().boundingBox()).width > 600);

  // The most-read pages of the last 30 days, in order (ties by path).
  await tab.getByLabel('Thời gian', { exact: true }).selectOption('30');
  await tab.waitForFunction(() => document.querySelector('[data-o="pages-summary"]').textContent.includes('trang có lượt xem'));
  const views = new Map();
  for (let d = 0; d < DAYS; d += 1) {
    for (let n = 0; n < readers(d); n += 1) {
      const path = pagePath((n + d) % PAGES);
      views.set(path, (views.get(path) ?? 0) + 1);
    }
  }
  const expected = [...views].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  await tab.waitForFunction((n) => document.querySelectorAll('#bang-trang tbody tr').length === n, expected.length);
  const ranked = await cells(tab, '#bang-trang');
  assert.deepEqual(ranked.map((row) => [row[1], digits(row[3])]), expected);
  const kindOf = (path) => (path.startsWith('/bai-viet/') ? KINDS[0] : path.startsWith('/van-ban/') ? KINDS[1] : KINDS[2]);
  assert.deepEqual(ranked.map((row) => row[2]), expected.map(([path]) => kindOf(path)), 'each page\'s kind');
  assert.equal(await tab.locator('#bang-trang tbody tr a').first().getAttribute('href'), expected[0][0], 'linked to the page');
  await tab.getByLabel('Loại trang').selectOption('van-ban');
  await tab.waitForFunction(() => [...document.querySelectorAll('#bang-trang tbody tr')].every((row) => row.cells[2].textContent === 'Văn bản'));
  assert.deepEqual((await cells(tab, '#bang-trang')).map((row) => row[1]), expected.filter(([path]) => path.startsWith('/van-ban/')).map(([path]) => path));

  // This month's ratings add up: the levels make the count, the count is what was rated.
  const month = vietnamDay(0).slice(0, 7);
  let rated = 0;
  for (let d = 0; d < DAYS; d += 1) {
    if (vietnamDay(d).slice(0, 7) === month) rated += Math.ceil(readers(d) / 4);
  }
  const months = await cells(tab, '#bang-thang');
  assert.equal(months.length, 12);
  const [label, count, ...levels] = months[0];
  assert.equal(label, month.split('-').reverse().join('/'));
  assert.equal(digits(count), rated);
  assert.equal(levels.slice(0, 5).map((cell) => Number(cell.split(' ')[0].replace(/\./g, ''))).reduce((a, b) => a + b, 0), rated);
  assert.equal(await tab.locator('#bieu-do-hai-long .bar-row').count(), 12, 'a stacked bar per month');
  // Comments are text as typed, never HTML.
  assert.match(await tab.locator('#y-kien li').first().innerText(), /Ý kiến thử số/);

  // Citizens: the open draft's comments counted, the question waiting since today.
  // Named by their titles (the press's trang.json), linked to their pages.
  const titles = JSON.parse(readFileSync(join(DIST, 'quan-tri/so-lieu/trang.json'), 'utf8'));
  assert.ok(titles[draft.path], 'the draft has a title');
  const row = tab.locator('#bang-du-thao tbody tr', { has: tab.locator(`a[href="${draft.path}"]`) });
  assert.equal(await row.locator('a').innerText(), titles[draft.path]);
  assert.equal(await row.locator('td').last().innerText(), '1');
  assert.deepEqual((await cells(tab, '#bang-cau-hoi')).find((r) => r[0] === code)?.slice(3), ['0 ngày']);

  // CSV: the view as a file, UTF-8 with a byte-order mark, one row per day.
  const [download] = await Promise.all([tab.waitForEvent('download'), tab.locator('#truy-cap button.csv').click()]);
  assert.match(download.suggestedFilename(), /^so-lieu-truy-cap-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffNgày,Lượt truy cập,Lượt xem\n'), csv.slice(0, 60));
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, DAYS + 1);
  assert.equal(lines.at(-1), `${viDate(vietnamDay(0))},${readers(0)},${readers(0)}`);

  // The monthly report: on paper only, for last month by default.
  await tab.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await tab.getByRole('button', { name: 'In báo cáo tháng' }).click();
  await tab.waitForFunction(() => window.__printed === true);
  assert.equal(await tab.locator('#bao-cao').isVisible(), false, 'not on screen');
  await tab.emulateMedia({ media: 'print' });
  assert.equal(await tab.locator('#bao-cao').isVisible(), true);
  assert.equal(await tab.locator('main').isVisible(), false);
  const previous = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86400000).toISOString().slice(0, 7);
  assert.equal(await tab.locator('#bao-cao h1').innerText(), `Báo cáo số liệu tháng ${previous.split('-').reverse().join('/')}`);
  const lastMonth = Array.from({ length: DAYS }, (_, d) => d).filter((d) => vietnamDay(d).startsWith(previous)).reduce((sum, d) => sum + readers(d), 0);
  const report = await cells(tab, '#bao-cao-tong');
  assert.equal(digits(report[0][1]), lastMonth, 'the month\'s visits');
  await tab.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing on the dashboard, signed out and in (${colorScheme})`, async () => {
    const { context, tab, problems } = await open({ colorScheme, viewport: { width: 390, height: 844 } });
    const check = async (where) => {
      const { violations } = await new AxeBuilder({ page: tab }).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], where);
    };
    await check('signed out');
    await signIn(tab);
    await tab.locator('body[data-loaded="true"]').waitFor();
    await check('signed in');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
