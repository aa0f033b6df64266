// `cargo xtask bench images`: the photo pipeline, measured.
// - bytes a phone (390 px wide, DPR 3) downloads for the photos of an article
//   with three camera photos, against the originals it would get without the
//   pipeline (ratio; target ≤ 0.1×);
// - Lighthouse (mobile) LCP of that article against a plain page of it (same
//   text and pictures, no script, stylesheet inline), in the same run;
// - photos processed per second on this machine's cores with an empty cache,
//   and the rebuild with the cache filled.
//
// usage: node images.mjs DIST CONTENT PRESS_BIN
import { mkdirSync, readFileSync, writeFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '../e2e/server.mjs';

const [dist, content, press] = process.argv.slice(2);
const SLUG = 'vu-dong-tren-ruong-bac-thang';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const source = JSON.parse(readFileSync(join(content, 'articles', `${SLUG}.json`), 'utf8'));
const originals = [source.cover.src, ...[...source.body.matchAll(/\]\((\/media\/[^ )]+\.jpg)/g)].map((m) => m[1])];
const originalBytes = originals.reduce((sum, src) => sum + statSync(join(content, src)).size, 0);

const site = await serveDist(dist, { compress: true });

// 1. What a phone downloads, scrolled through the whole article.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, serviceWorkers: 'block' });
const tab = await phone.newPage();
const photoBytes = new Map();
tab.on('response', async (response) => {
  if (response.url().includes('/anh/')) photoBytes.set(response.url(), (await response.body()).length);
});
await tab.goto(`${site.url}/bai-viet/${SLUG}`);
await tab.locator('#app:not([hidden]) .site-header nav.menu').waitFor();
for (let y = 0; y < 20; y++) {
  await tab.mouse.wheel(0, 800);
  await tab.waitForTimeout(100);
}
await tab.waitForFunction(() => [...document.querySelectorAll('#app main img')].every((img) => img.complete));
const downloaded = [...photoBytes.values()].reduce((sum, size) => sum + size, 0);
await browser.close();

// 2. Lighthouse LCP against a plain page of the same article.
const published = JSON.parse(readFileSync(join(dist, 'data/articles', `${SLUG}.json`), 'utf8'));
const inlineStyle = readFileSync(join(dist, 'bai-viet', SLUG, 'index.html'), 'utf8').match(/<style>[^]*?<\/style>/)[0];
const coverHtml = readFileSync(join(dist, 'bai-viet', SLUG, 'index.html'), 'utf8').match(/<span class="cover-picture">([^]*?)<\/span><figcaption>/)[1];
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const plainDir = join(dist, 'plain-photos');
mkdirSync(plainDir, { recursive: true });
writeFileSync(join(plainDir, 'index.html'), `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(published.title)}</title>${inlineStyle}</head>
<body><div class="page container"><main class="content"><article class="article">
<h1 class="article-title">${esc(published.title)}</h1><p class="sapo">${esc(published.sapo)}</p>
<figure class="cover"><span class="cover-picture">${coverHtml}</span></figure>
<div class="article-body">${published.html}</div><p class="byline">${esc(published.author)}</p></article></main></div></body></html>`);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  userDataDir: mkdtempSync(join(tmpdir(), 'lighthouse-')),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lcp = async (path) => {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const result = await lighthouse(site.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    runs.push(result.lhr.audits['largest-contentful-paint'].numericValue);
  }
  return median(runs);
};
const plainLcp = await lcp('/plain-photos/');
const articleLcp = await lcp(`/bai-viet/${SLUG}`);
await chrome.kill();
site.server.close();
rmSync(plainDir, { recursive: true, force: true });

// 3. Processing speed: every photo of the content with an empty cache, then again.
const work = mkdtempSync(join(tmpdir(), 'photos-'));
const timed = () => {
  const started = process.hrtime.bigint();
  const run = spawnSync(press, ['build', '--content', content, '--public', join(content, '../public'), '--out', join(work, 'site/data'),
    '--site-files', join(work, 'site'), '--photo-cache', join(work, 'cache')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`press failed: ${run.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, log: run.stderr };
};
const cold = timed();
const processed = Number(cold.log.match(/photos: (\d+) processed/)?.[1] ?? NaN);
const warm = timed();
rmSync(work, { recursive: true, force: true });

console.log(`Photos of /bai-viet/${SLUG} (${originals.length} camera photos), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores`);
console.log('| measure | before (originals / plain page / no cache) | after | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| bytes a phone (390 px, DPR 3) downloads for the photos | ${originalBytes.toLocaleString('en')} | ${downloaded.toLocaleString('en')} (${photoBytes.size} files) | ${(downloaded / originalBytes).toFixed(3)}× |`);
console.log(`| Lighthouse mobile LCP, median of 5 (ms) | ${plainLcp.toFixed(0)} | ${articleLcp.toFixed(0)} | ${(articleLcp / plainLcp).toFixed(2)}× |`);
console.log(`| build with an empty photo cache: ${processed} photos (s) | | ${cold.seconds.toFixed(2)} | ${(processed / cold.seconds).toFixed(2)} photos/s |`);
console.log(`| rebuild with the cache filled (s) | ${cold.seconds.toFixed(2)} | ${warm.seconds.toFixed(2)} | ${(warm.seconds / cold.seconds).toFixed(3)}× |`);
