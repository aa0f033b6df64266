// A staff preview (`cargo xtask publish --preview --dist DIR`, built by
// `cargo xtask test` into target/preview from the same content as dist/),
// served as the hosts serve it and read in Chromium: drafts are in, every
// page kind carries the banner and asks not to be indexed, robots.txt
// disallows everything, and no page calls the visitor counter. The public
// build beside it has none of the drafts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const PREVIEW = process.env.PREVIEW_DIST ?? join(ROOT, 'target/preview');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const DRAFT = 'thong-bao-lich-tiep-cong-dan-thang-1-2027';
const BANNER = 'Bản xem trước — chưa xuất bản';
let preview, browser;

before(async () => {
  preview = await serveDist(PREVIEW, { folders: 'redirect' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  preview?.server.close();
});

test('the draft is in the preview and nowhere in the public build', () => {
  assert.ok(existsSync(join(PREVIEW, `data/articles/${DRAFT}.json`)));
  assert.ok(existsSync(join(PREVIEW, `bai-viet/${DRAFT}/index.html`)));
  assert.ok(!existsSync(join(DIST, `data/articles/${DRAFT}.json`)));
  assert.ok(!existsSync(join(DIST, `bai-viet/${DRAFT}`)));
  for (const file of ['sitemap.xml', 'rss.xml', 'data/latest/1.json', 'data/counted-paths.json', 'sw.js']) {
    assert.ok(!readFileSync(join(DIST, file), 'utf8').includes(DRAFT), `${file} names the draft`);
  }
  assert.equal(readFileSync(join(PREVIEW, 'robots.txt'), 'utf8'), 'User-agent: *\nDisallow: /\n');
  assert.match(readFileSync(join(PREVIEW, '_headers'), 'utf8'), /^\/\*\n {2}X-Robots-Tag: noindex, nofollow\n/);
  assert.equal(JSON.parse(readFileSync(join(PREVIEW, 'data/site.json'), 'utf8')).site.counter_endpoint ?? null, null);
});

/** Waits until the app has taken over the static page. */
function appShown(page) {
  return page.waitForFunction(() => document.getElementById('app')?.hidden === false, null, { timeout: 15000 });
}

test('every page kind of the preview is marked, not indexed, and calls no counter', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const counted = [];
  const failures = [];
  page.on('request', (request) => {
    if (/\/api\/counter/.test(request.url())) counted.push(request.url());
  });
  page.on('pageerror', (error) => failures.push(error.message));
  const addresses = [
    '/',
    `/bai-viet/${DRAFT}`,
    '/chuyen-muc/thong-bao',
    '/tin-moi?trang=1&fbclid=x',
    '/tim-kiem?q=ti%E1%BA%BFp+c%C3%B4ng+d%C3%A2n',
    '/gioi-thieu/lich-su/',
    '/van-ban',
    '/lich-cong-tac',
    '/so-do-cong',
    '/khong-co-trang-nay',
  ];
  for (const address of addresses) {
    const response = await page.goto(`${preview.url}${address}`);
    const html = await response.text();
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/, `${address}: noindex in the page itself`);
    // Once the app has taken over, the banner is still on top.
    await appShown(page);
    const banner = page.getByRole('status').filter({ hasText: BANNER });
    assert.equal(await banner.count(), 1, address);
    assert.ok(await banner.isVisible(), address);
  }
  // Navigating inside the app keeps it.
  await page.goto(`${preview.url}/`);
  await appShown(page);
  await page.getByRole('link', { name: /Thông báo lịch tiếp công dân/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Thông báo lịch tiếp công dân/ }).waitFor();
  assert.ok(await page.getByText(BANNER).isVisible());
  await page.waitForTimeout(500);
  assert.deepEqual(counted, [], 'a preview counts no visit');
  assert.deepEqual(failures, []);
  await context.close();
});
