// What the rules for agency portals ask beyond the news, read in Chromium:
// the planned-outage notice (published with `cargo xtask publish --now`
// inside and before its window, read with the reader's clock moved), the
// keyboard shortcuts, and the pages of press information, citizen
// reception, access to information and the accessibility statement, at
// every address form and under axe in both themes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NOTICE = {
  text: 'Cổng thông tin tạm ngừng hoạt động để nâng cấp máy chủ.',
  // Announced Thursday 10 December; seven working days (11, 14–18, 21) before the 22nd.
  announced: '2026-12-10T08:00:00+07:00',
  from: '2026-12-22T22:00:00+07:00',
  until: '2026-12-23T06:00:00+07:00',
};
const BANNER = 'Thông báo: Cổng thông tin tạm ngừng hoạt động để nâng cấp máy chủ. Thời gian dự kiến: từ 22:00 22/12/2026 đến 06:00 23/12/2026.';
const NEW_PAGES = ['/thong-tin-bao-chi', '/lich-tiep-cong-dan', '/lich-tiep-cong-dan?tuan=2026-W50', '/tiep-can-thong-tin', '/ho-tro-tiep-can'];
let work, site, inside, before_, browser;

/** `cargo xtask publish` of the sample content with the notice, as of `now`, into `dist`. */
function publish(dist, now) {
  const run = spawnSync('cargo', ['xtask', 'publish', '--content', join(work, 'content'), '--dist', dist, '--now', now], {
    cwd: ROOT, encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr + run.stdout);
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  const siteFile = join(work, 'content/site.json');
  const siteJson = JSON.parse(readFileSync(siteFile, 'utf8'));
  writeFileSync(siteFile, JSON.stringify({ ...siteJson, notice: NOTICE }, null, 2));
  publish(join(work, 'inside'), '2026-12-15T09:00:00+07:00');
  publish(join(work, 'before'), '2026-12-09T09:00:00+07:00');
  site = await serveDist(DIST, { folders: 'redirect' });
  inside = await serveDist(join(work, 'inside'), { folders: 'redirect' });
  before_ = await serveDist(join(work, 'before'), { folders: 'redirect' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  for (const server of [site, inside, before_]) server?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A tab whose clock reads `at` (or the real time), JavaScript on or off. */
async function tab({ at, javaScriptEnabled = true, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled, colorScheme, viewport: { width: 1280, height: 800 } });
  if (at) await context.clock.setFixedTime(new Date(at));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // No counter runs behind these servers: its requests fail, and nothing else may.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.includes('/api/counter/')) problems.push(message.text());
  });
  return { context, page, problems };
}

/**
 * Presses the shortcut `key` as Chromium on Linux takes it (Alt): a key
 * down and the character it types, as a keyboard sends them (the
 * browser's access keys answer the character, which a plain `press` with
 * Alt held does not send).
 */
async function accessKey(page, key) {
  const cdp = await page.context().newCDPSession(page);
  const code = `Digit${key}`;
  const event = { modifiers: 1, key, code, windowsVirtualKeyCode: key.charCodeAt(0) };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
  await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: key, unmodifiedText: key, ...event });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  await cdp.detach();
}

async function appShown(page) {
  await page.locator('#app:not([hidden]) .site-header nav.menu').waitFor();
  await page.waitForFunction(() => !document.querySelector('#app .state-loading'));
}

test('the outage notice shows on every static page built inside its window, and on none built before it', async () => {
  const { context, page } = await tab({ javaScriptEnabled: false });
  for (const path of ['/', '/bai-viet/thu-hoach-lua-2026', '/van-ban', '/lich-cong-tac', '/thong-tin-bao-chi', '/khong-co-trang-nay']) {
    await page.goto(inside.url + path);
    assert.equal((await page.locator('#boot .site-notice').innerText()).trim(), BANNER, `${path}, built inside the window`);
    await page.goto(before_.url + path);
    assert.equal(await page.locator('.site-notice').count(), 0, `${path}, built before the announcement`);
  }
  // Each build knows it is due again by the notice's next change at the latest.
  const due = (dist) => JSON.parse(readFileSync(join(work, dist, 'data/edition.json'), 'utf8')).next_change;
  assert.ok(Date.parse(due('before')) <= Date.parse(NOTICE.announced), due('before'));
  assert.ok(Date.parse(due('inside')) <= Date.parse(NOTICE.until), due('inside'));
  await context.close();
});

test('the app shows the notice by the reader\'s clock: from the announcement until the expected return, not outside', async () => {
  const cases = [
    // [site, the reader's clock, shown]
    [inside, '2026-12-15T02:00:00Z', true],
    [inside, '2026-12-22T23:59:00Z', false], // 06:59 on the 23rd in Vietnam: the portal is back
    [before_, '2026-12-09T02:00:00Z', false],
    [before_, '2026-12-10T01:00:00Z', true], // 08:00 in Vietnam: announced, though the pages were built before
  ];
  for (const [server, at, shown] of cases) {
    const { context, page, problems } = await tab({ at });
    await page.goto(server.url + '/bai-viet/thu-hoach-lua-2026');
    await appShown(page);
    const banner = page.locator('#app .site-notice');
    if (shown) assert.equal((await banner.innerText()).trim(), BANNER, at);
    else assert.equal(await banner.count(), 0, at);
    // And after navigating inside the app.
    await page.locator('#app nav.menu').getByRole('link', { name: 'Lịch tiếp công dân' }).click();
    await page.waitForURL('**/lich-tiep-cong-dan');
    await page.getByRole('heading', { level: 1, name: /^Lịch tiếp công dân tuần/ }).waitFor();
    assert.equal(await page.locator('#app .site-notice').count(), shown ? 1 : 0, `${at}, after navigating`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the keyboard shortcuts reach home, the site map, search and the accessibility statement, which lists them', async () => {
  const { context, page, problems } = await tab();
  await page.goto(site.url + '/bai-viet/thu-hoach-lua-2026');
  await appShown(page);
  await accessKey(page, '4');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q', 'Alt+4: the search box');
  await accessKey(page, '3');
  await page.waitForURL('**/so-do-cong');
  await page.getByRole('heading', { level: 1, name: 'Sơ đồ cổng thông tin' }).waitFor();
  await accessKey(page, '0');
  await page.waitForURL('**/ho-tro-tiep-can');
  await page.getByRole('heading', { level: 1, name: 'Tuyên bố hỗ trợ tiếp cận' }).waitFor();
  const rows = await page.locator('#app .access-keys tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((row) => row.split('\t')[0].trim()), ['1', '3', '4', '0']);
  await accessKey(page, '1');
  await page.waitForURL(site.url + '/');
  await page.locator('#app .home, #app main h2').first().waitFor();
  // Every key is on every page once (duplicates confuse the browser).
  const keys = await page.evaluate(() => [...document.querySelectorAll('[accesskey]')].map((e) => e.getAttribute('accesskey')).sort());
  assert.deepEqual(keys, ['0', '1', '3', '4']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('press information: the spokesperson to call and the releases, newest first, whose files download', async () => {
  const { context, page } = await tab();
  await page.goto(site.url + '/thong-tin-bao-chi');
  await appShown(page);
  const main = page.locator('#app main');
  assert.equal(await main.getByRole('link', { name: '0214 3 826 103' }).getAttribute('href'), 'tel:02143826103');
  assert.match(await main.locator('.spokesperson').innerText(), /Vàng A Dình[\s\S]*Cập nhật lúc 09:00 05\/10\/2026/);
  const dates = await main.locator('.press-releases time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  assert.ok(dates.length >= 3);
  const href = await main.locator('.press-releases a[download]').first().getAttribute('href');
  const file = await fetch(site.url + href);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  // Found by the search, and led to its place on the page.
  await page.goto(site.url + '/tim-kiem?q=' + encodeURIComponent('họp báo quý III'));
  await appShown(page);
  await page.locator('#app main').getByRole('link', { name: 'Họp báo định kỳ quý III năm 2026' }).click();
  await page.waitForURL('**/thong-tin-bao-chi#thong-cao-hop-bao-quy-iii-2026');
  await context.close();
});

test('citizen reception opens on the reader\'s own week with today marked, like the work schedule', async () => {
  const { context, page } = await tab({ at: '2026-12-03T03:00:00Z' });
  await page.goto(site.url + '/lich-tiep-cong-dan');
  await appShown(page);
  await page.getByRole('heading', { level: 1, name: 'Lịch tiếp công dân tuần 49/2026' }).waitFor();
  const today = page.locator('#app section.schedule-day[aria-current="date"]');
  assert.equal(await today.getAttribute('data-date'), '2026-12-03');
  assert.match(await today.innerText(), /Lãnh đạo tiếp: Phó Chủ tịch UBND tỉnh Lò Văn Tiến/);
  await page.getByRole('link', { name: 'Tuần sau ›' }).click();
  await page.waitForURL('**/lich-tiep-cong-dan?tuan=2026-w50');
  await page.getByRole('heading', { level: 1, name: 'Lịch tiếp công dân tuần 50/2026' }).waitFor();
  await context.close();
});

test('access to information lists what the portal publishes, and the request form downloads', async () => {
  const { context, page } = await tab();
  await page.goto(site.url + '/tiep-can-thong-tin');
  await appShown(page);
  const listed = page.locator('#app .disclosed');
  for (const href of ['/van-ban', '/lich-cong-tac', '/lich-tiep-cong-dan', '/du-thao', '/hoi-dap', '/thong-tin-bao-chi',
    '/chuyen-muc/thong-bao', '/gioi-thieu/lich-su']) {
    assert.equal(await listed.locator(`a[href="${href}"]`).count(), 1, href);
  }
  const form = await page.locator('#app main').getByRole('link', { name: 'Phiếu yêu cầu cung cấp thông tin (PDF)' }).getAttribute('href');
  assert.equal((await fetch(site.url + form)).status, 200);
  await context.close();
});

test('every new page: the same words static and in the app, at every address form, and no axe violation in either theme', async () => {
  const bare = await tab({ javaScriptEnabled: false });
  // (A week's own address has no static copy: it is the app's, drawn from its fragment.)
  for (const address of NEW_PAGES.filter((a) => !a.includes('?'))) {
    for (const form of [address, `${address}/`, `${address}/index.html`, `${address}?fbclid=IwAR2x`]) {
      await bare.page.goto(site.url + form);
      const staticPage = await bare.page.locator('#boot').innerText();
      const { context, page, problems } = await tab();
      await page.goto(site.url + form);
      await appShown(page);
      assert.equal(await page.locator('#app').innerText(), staticPage, form);
      assert.deepEqual(problems, [], form);
      await context.close();
    }
  }
  await bare.context.close();
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await tab({ colorScheme });
    for (const address of NEW_PAGES) {
      await page.goto(site.url + address);
      await appShown(page);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${address}, ${colorScheme}`);
    }
    await context.close();
  }
  // Axe on the banner too, in both themes.
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await tab({ at: '2026-12-15T02:00:00Z', colorScheme });
    await page.goto(inside.url + '/');
    await appShown(page);
    const { violations } = await new AxeBuilder({ page }).include('.site-notice').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(violations.map((v) => v.id), [], `the banner, ${colorScheme}`);
    await context.close();
  }
});
