// `cargo xtask bench images`: the photo pipeline, measured.
// - bytes a phone (390 px wide, DPR 3) downloads for the photos of an article
//   with three camera photos, against the originals it would get without the
//   pipeline (ratio; target ≤ 0.1×);
// - Lighthouse (mobile) LCP of that article against a plain page of it (same
//   text and pictures, no script, stylesheet inline), in the same run;
// - the press against its previous pipeline (OLD_PRESS_BIN, built from the
//   baseline commit) and against sharp 0.34 at AVIF effort 2 and 4, on the
//   content's photos in the same run: photos/s, bytes written, bytes a DPR-3
//   phone downloads (the AVIF it picks for a full-width photo) and the
//   SSIMULACRA2 score of every output (photo-lab score);
// - a lost cache: the time to build again with 500 generated photos already
//   deployed (a local copy of the site served over HTTP, --photos-from),
//   against processing them.
//
// usage: node images.mjs DIST CONTENT PRESS_BIN OLD_PRESS_BIN PHOTO_LAB
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '../e2e/server.mjs';
import { folderBytes, pressBuild, pressOutputs, run, scores, sharpOutputs, summary } from './photo-tools.mjs';

const [dist, content, press, oldPress, photoLab] = process.argv.slice(2);
const SLUG = 'vu-dong-tren-ruong-bac-thang';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const source = JSON.parse(readFileSync(join(content, 'articles', `${SLUG}.json`), 'utf8'));
const originals = [source.cover.src, ...[...source.body.matchAll(/\]\((\/media\/[^ )]+\.jpg)/g)].map((m) => m[1])];
const originalBytes = originals.reduce((sum, src) => sum + statSync(join(content, src)).size, 0);

// PHOTOS_ONLY=1: sections 3 and 4 alone (no dist/ needed).
const photosOnly = process.env.PHOTOS_ONLY === '1';
let downloaded = 0;
let plainLcp = NaN;
let articleLcp = NaN;
const photoBytes = new Map();
if (!photosOnly) {
const site = await serveDist(dist, { compress: true });

// 1. What a phone downloads, scrolled through the whole article.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, serviceWorkers: 'block' });
const tab = await phone.newPage();
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
downloaded = [...photoBytes.values()].reduce((sum, size) => sum + size, 0);
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
plainLcp = await lcp('/plain-photos/');
articleLcp = await lcp(`/bai-viet/${SLUG}`);
await chrome.kill();
site.server.close();
rmSync(plainDir, { recursive: true, force: true });
}

// 3. The press, its previous pipeline and sharp on the content's photos.
const media = join(content, 'media');
const photos = readdirSync(media).filter((name) => /\.(jpe?g|png|webp)$/i.test(name)).map((name) => join(media, name));
const tools = [];
for (const [name, bin] of [['press (this tree)', press], ['press (before)', oldPress]]) {
  const work = mkdtempSync(join(tmpdir(), 'photos-'));
  const cold = pressBuild(bin, content, work);
  const warm = pressBuild(bin, content, work);
  const processed = Number(cold.stderr.match(/photos: (\d+) processed/)?.[1] ?? NaN);
  // The photo work alone: the build with an empty cache less the same build with it filled.
  const seconds = cold.seconds - warm.seconds;
  const outputs = pressOutputs(join(work, 'site/anh'), photos);
  tools.push({ name, processed, seconds, outputs, warm: warm.seconds, work });
}
for (const effort of [2, 4]) {
  const work = mkdtempSync(join(tmpdir(), 'sharp-'));
  const { outputs, seconds } = await sharpOutputs(photos, effort, work);
  tools.push({ name: `sharp 0.34, AVIF effort ${effort}`, processed: photos.length, seconds, outputs, work });
}
for (const tool of tools) {
  const values = await scores(photoLab, tool.outputs);
  tool.outputs.forEach((output, i) => { output.score = values[i]; });
  tool.summary = summary(tool.outputs);
  if (tool.outputs.length !== tools[0].outputs.length) throw new Error(`${tool.name}: ${tool.outputs.length} outputs, the press ${tools[0].outputs.length}`);
}
// Per output, the press against its previous pipeline: no output may score lower.
const before = tools[1].outputs;
const worse = tools[0].outputs.filter((o) => {
  const old = before.find((b) => b.original === o.original && b.width === o.width && b.format === o.format);
  return old && o.score < old.score;
});
for (const tool of tools) rmSync(tool.work, { recursive: true, force: true });

// 4. A lost cache: 500 photos already deployed (LOST_CACHE=0 skips it).
const COUNT = process.env.LOST_CACHE === '0' ? 0 : 500;
const lost = mkdtempSync(join(tmpdir(), 'lost-cache-'));
const many = join(lost, 'content');
cpSync(content, many, { recursive: true });
run(photoLab, ['generate', join(many, 'media/bench'), String(COUNT)]);
const template = JSON.parse(readFileSync(join(content, 'articles', `${SLUG}.json`), 'utf8'));
for (let i = 0; i < COUNT; i++) {
  const number = String(i).padStart(4, '0');
  writeFileSync(join(many, 'articles', `anh-thu-${number}.json`), JSON.stringify({
    ...template,
    title: `Ảnh thử số ${i + 1}`,
    body: 'Bài thử của phép đo: một ảnh bìa, không ảnh trong bài.',
    cover: { ...template.cover, src: `/media/bench/anh-${number}.jpg` },
    featured: false,
  }, null, 2));
}
const deployed = join(lost, 'deployed');
const first = COUNT ? pressBuild(press, many, deployed) : { seconds: NaN };
// The deployed copy is served by another process: this one waits on the press.
const server = COUNT && spawn(process.execPath, ['-e', `import('../e2e/server.mjs').then(async ({ serveDist }) => {
  const site = await serveDist(${JSON.stringify(join(deployed, 'site'))}); console.log(site.url); })`], { cwd: import.meta.dirname });
const address = COUNT && await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
const again = join(lost, 'again');
// The server stops whether the build succeeds or not.
let restored;
try {
  restored = COUNT ? pressBuild(press, many, again, ['--photos-from', address]) : { seconds: NaN, stderr: '' };
} finally {
  if (server) server.kill();
}
const restoredCount = Number(restored.stderr.match(/(\d+) from the deployed site/)?.[1] ?? 0);
const sameFiles = COUNT > 0 && folderBytes(join(deployed, 'site/anh')) === folderBytes(join(again, 'site/anh'))
  && readdirSync(join(deployed, 'site/anh')).length === readdirSync(join(again, 'site/anh')).length;
rmSync(lost, { recursive: true, force: true });

const day = new Date().toISOString().slice(0, 10);
const n = (value) => value.toLocaleString('en');
console.log(`Photos of /bai-viet/${SLUG} (${originals.length} camera photos), ${day}, ${cpus().length} cores`);
console.log('| measure | before (originals / plain page) | after | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| bytes a phone (390 px, DPR 3) downloads for the photos | ${n(originalBytes)} | ${n(downloaded)} (${photoBytes.size} files) | ${(downloaded / originalBytes).toFixed(3)}× |`);
console.log(`| Lighthouse mobile LCP, median of 5 (ms) | ${plainLcp.toFixed(0)} | ${articleLcp.toFixed(0)} | ${(articleLcp / plainLcp).toFixed(2)}× |`);
console.log();
const e4 = tools.find((t) => t.name.endsWith('effort 4'));
const e2 = tools.find((t) => t.name.endsWith('effort 2'));
console.log(`The content's ${photos.length} photos, ${tools[0].outputs.length} outputs each tool (widths ≤ 480/800/1200/1600 × AVIF, WebP, JPEG); SSIMULACRA2 mean (min) per format`);
console.log('| tool | photos/s | × sharp e4 | × sharp e2 | bytes | × sharp e4 | DPR-3 bytes | AVIF | WebP | JPEG |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const tool of tools) {
  const rate = tool.processed / tool.seconds;
  const f = (format) => `${tool.summary.byFormat[format].mean.toFixed(1)} (${tool.summary.byFormat[format].min.toFixed(1)})`;
  console.log(`| ${tool.name} | ${rate.toFixed(2)} | ${(rate / (e4.processed / e4.seconds)).toFixed(2)}× | ${(rate / (e2.processed / e2.seconds)).toFixed(2)}× | ${n(tool.summary.bytes)} | ${(tool.summary.bytes / e4.summary.bytes).toFixed(2)}× | ${n(tool.summary.phone)} | ${f('avif')} | ${f('webp')} | ${f('jpg')} |`);
}
console.log(`(press photos/s: the build with an empty cache less the same build with it filled, ${tools[0].warm.toFixed(2)} s; outputs of this tree scoring below the same output before: ${worse.length}${worse.map((o) => ` ${o.format}@${o.width}`).join('')})`);
console.log();
console.log(`| lost cache, ${COUNT} generated photos (1024×768) | processing them | restored from the deployed site | ratio |`);
console.log('|---|---:|---:|---:|');
console.log(`| press build (s) | ${first.seconds.toFixed(1)} | ${restored.seconds.toFixed(1)} (${restoredCount} restored, /anh/ ${sameFiles ? 'identical' : 'DIFFERENT'}) | ${(restored.seconds / first.seconds).toFixed(3)}× |`);
