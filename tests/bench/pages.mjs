// `cargo xtask bench pages`: Lighthouse (mobile, simulated slow 4G) on an
// article, the home page and a category page of dist/, served on loopback
// with its _headers and brotli as a CDN would, and in the same run on two
// plain static HTML copies of the same article (same text, no script) as
// baselines: one linking the stylesheet, one self-contained (the same
// stylesheet inline, as the static pages carry it: the physical limit);
// and self-contained plain copies of the home and category pages' main
// content, so each page is also measured against its own limit.
//
// usage: node pages.mjs DIST
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '../e2e/server.mjs';

const dist = process.argv[2];
const SLUG = 'thu-hoach-lua-2026';
const RUNS = 9;

// The baseline: the same article as a hand-made plain page beside the site.
const article = JSON.parse(readFileSync(join(dist, 'data/articles', `${SLUG}.json`), 'utf8'));
const css = readdirSync(dist).find((f) => /^main-.*\.css$/.test(f));
const plainDir = join(dist, 'plain');
mkdirSync(plainDir, { recursive: true });
copyFileSync(join(dist, css), join(plainDir, 'style.css'));
// The static pages' own inline stylesheet, so the site's CSP hash allows it.
const inlineStyle = readFileSync(join(dist, 'bai-viet', SLUG, 'index.html'), 'utf8').match(/<style>[^]*?<\/style>/)[0];
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const plainPage = (head) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(article.title)}</title>${head}</head>
<body><div class="page container"><main class="content"><article class="article">
<h1 class="article-title">${esc(article.title)}</h1><p class="sapo">${esc(article.sapo)}</p>
<figure class="cover"><img src="${article.cover.src}" alt="${esc(article.cover.alt)}"><figcaption>${esc(article.cover.caption ?? '')}</figcaption></figure>
<div class="article-body">${article.html}</div><p class="byline">${esc(article.author)}</p></article></main></div></body></html>`;
writeFileSync(join(plainDir, 'index.html'), plainPage('<link rel="stylesheet" href="/plain/style.css">'));
mkdirSync(join(plainDir, 'inline'), { recursive: true });
writeFileSync(join(plainDir, 'inline', 'index.html'), plainPage(inlineStyle));

// The home and category pages' own self-contained plain copies: their main
// content as the static page has it (the same pictures, the same first
// picture to wait for), the same inline stylesheet, nothing else.
const plainOf = (file) => {
  const html = readFileSync(join(dist, file), 'utf8');
  const main = html.match(/<main[^]*?<\/main>/)[0];
  const title = html.match(/<title>([^<]*)<\/title>/)[1];
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${inlineStyle}</head><body><div class="page container">${main}</div></body></html>`;
};
for (const [name, file] of [['home', 'index.html'], ['category', 'chuyen-muc/kinh-te/index.html']]) {
  mkdirSync(join(plainDir, name), { recursive: true });
  writeFileSync(join(plainDir, name, 'index.html'), plainOf(file));
}

const pages = [
  ['plain article (baseline)', '/plain/'],
  ['self-contained plain article (baseline)', '/plain/inline/'],
  ['article', `/bai-viet/${SLUG}`],
  ['self-contained plain home (baseline)', '/plain/home/'],
  ['home', '/'],
  ['self-contained plain category (baseline)', '/plain/category/'],
  ['category', '/chuyen-muc/kinh-te'],
];
// Each page of the site against its own self-contained plain copy.
const OWN = { article: 'self-contained plain article (baseline)', home: 'self-contained plain home (baseline)', category: 'self-contained plain category (baseline)' };
const site = await serveDist(dist, { compress: true });
const profile = join(tmpdir(), `lighthouse-${process.pid}`);
mkdirSync(profile, { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  userDataDir: profile,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Rounds of every page in turn rather than every run of one page together:
// whatever slows the machine for a while then weighs on a page and its
// baseline alike, and the ratios hold still from one run of the bench to the next.
const runs = new Map(pages.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, path] of pages) {
    const result = await lighthouse(site.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const audit = (id) => result.lhr.audits[id].numericValue;
    runs.get(name).push({
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      bytes: audit('total-byte-weight'),
      score: result.lhr.categories.performance.score * 100,
    });
  }
}
const rows = pages.map(([name]) => {
  const pick = (key) => median(runs.get(name).map((r) => r[key]));
  return { name, fcp: pick('fcp'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), bytes: pick('bytes'), score: pick('score') };
});
await chrome.kill();
site.server.close();
rmSync(plainDir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

const [base, limit] = rows;
console.log(`Lighthouse 12.2.3, mobile (simulated slow 4G, 4× CPU slowdown), median of ${RUNS} runs per page`);
console.log('| page | FCP ms | LCP ms | TBT ms | CLS | KB transferred | score | FCP vs plain article | LCP vs plain article | FCP vs self-contained article | LCP vs self-contained article | FCP vs its own self-contained copy | LCP vs its own self-contained copy |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const own = rows.find((o) => o.name === OWN[r.name]);
  const vsOwn = own ? `${(r.fcp / own.fcp).toFixed(2)}× | ${(r.lcp / own.lcp).toFixed(2)}×` : ' | ';
  console.log(`| ${r.name} | ${r.fcp.toFixed(0)} | ${r.lcp.toFixed(0)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} | ${(r.bytes / 1024).toFixed(0)} | ${r.score.toFixed(0)} | ${(r.fcp / base.fcp).toFixed(2)}× | ${(r.lcp / base.lcp).toFixed(2)}× | ${(r.fcp / limit.fcp).toFixed(2)}× | ${(r.lcp / limit.lcp).toFixed(2)}× | ${vsOwn} |`);
}
