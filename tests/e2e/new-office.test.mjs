// Another office adopts the portal: `cargo xtask new-office` writes its
// content folder, `cargo xtask publish` builds it over the app already
// built, and the result is that office's portal — none of the sample
// office's name or files, every internal link leading to a published file,
// an editor configuration Sveltia's schema accepts, no link to a part it
// does not have — read in Chromium at every address form, under axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NAME = 'Sở Tư pháp tỉnh Lũng Sơn';
const SAMPLE = 'Sơn Vân';
let work, site, browser;

function xtask(...args) {
  const run = spawnSync('cargo', ['xtask', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr + run.stdout);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'new-office-'));
  xtask('new-office', join(work, 'content'), '--name', NAME);
  xtask('publish', '--content', join(work, 'content'), '--dist', join(work, 'site'));
  site = await serveDist(join(work, 'site'), { folders: 'redirect' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('nothing published names the sample office or carries its files', () => {
  const dist = join(work, 'site');
  for (const file of files(dist)) {
    const text = readFileSync(file).toString('utf8');
    assert.ok(!text.includes(SAMPLE), `${relative(dist, file)} names the sample office`);
  }
  const sampleFiles = files(join(ROOT, 'content/files')).map((file) => relative(join(ROOT, 'content/files'), file));
  assert.ok(sampleFiles.length > 50);
  for (const file of sampleFiles) assert.ok(!existsSync(join(dist, file)), `${file} of the sample office is published`);
  // The office's identity: its name in the manifest, the feed, the offline shell; its own share picture.
  assert.equal(JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')).name, NAME);
  assert.match(readFileSync(join(dist, 'rss.xml'), 'utf8'), new RegExp(`<title>${NAME}</title>`));
  assert.match(readFileSync(join(dist, 'shell.html'), 'utf8'), new RegExp(`<span class="brand-name">${NAME}</span>`));
  const png = readFileSync(join(dist, 'share.png'));
  assert.deepEqual([png.toString('latin1', 1, 4), png.readUInt32BE(16), png.readUInt32BE(20)], ['PNG', 1200, 630]);
  assert.notDeepEqual(png, readFileSync(join(ROOT, 'dist/share.png')), 'the sample office\'s picture');
});

test('every internal link of every published page leads to a published file, and none to an absent part', () => {
  const dist = join(work, 'site');
  const pages = files(dist).filter((file) => file.endsWith('.html') && !file.includes('/quan-tri/'));
  assert.ok(pages.length >= 6, pages.join(', '));
  const resolves = (path) => [path, join(path, 'index.html'), `${path}.html`].some((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const [, href] of html.matchAll(/<(?:a|link)\b[^>]*\shref="([^"]+)"/g)) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const path = decodeURIComponent(href.split(/[?#]/)[0]);
      assert.ok(resolves(join(dist, path)), `${relative(dist, page)}: ${href} is not published`);
    }
    for (const absent of ['/van-ban', '/lich-cong-tac', '/lich-tiep-cong-dan', '/en', '/ho-tro-tiep-can', '/thong-tin-bao-chi', '/du-thao', '/hoi-dap', '/lien-he']) {
      assert.ok(!new RegExp(`href="${absent}["/?#]`).test(html), `${relative(dist, page)} links to ${absent}, which this office has not`);
    }
  }
});

test('the editor offers only the parts the office has, and its configuration validates against Sveltia\'s schema', () => {
  const text = readFileSync(join(work, 'site/quan-tri/config.yml'), 'utf8');
  const config = JSON.parse(text.slice(text.indexOf('\n') + 1));
  const schema = JSON.parse(readFileSync(join(ROOT, 'editor/node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 1));
  assert.deepEqual(config.collections.map((c) => c.name), ['articles', 'pages', 'settings']);
  assert.deepEqual(config.collections[2].files.map((f) => f.name), ['site', 'categories']);
  // No select without options anywhere.
  const selects = (fields) => fields.flatMap((f) => [f, ...selects(f.fields ?? [])]).filter((f) => f.widget === 'select');
  for (const collection of config.collections) {
    for (const fields of [collection.fields ?? [], ...(collection.files ?? []).map((f) => f.fields)]) {
      for (const select of selects(fields)) assert.ok(select.options.length > 0, `${collection.name}: ${select.name}`);
    }
  }
});

test('the minimal office in Chromium: home, its category, the article, search, not found and "Đăng nhập", under axe', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error' && !/404|Failed to load resource/.test(message.text())) problems.push(message.text()); });
  const appShown = async () => {
    await page.locator('#app:not([hidden]) .site-header nav.menu').waitFor();
    await page.waitForFunction(() => !document.querySelector('#app .state-loading'));
  };
  const axe = async (what) => {
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], what);
  };
  const title = 'Cổng thông tin điện tử chính thức đi vào hoạt động';
  for (const suffix of ['', '/', '/index.html', '?fbclid=abc']) {
    await page.goto(`${site.url}/chuyen-muc/tin-tuc${suffix === '/index.html' ? '/index.html' : suffix}`);
    await appShown();
    assert.equal((await page.locator('#app .brand-name').textContent()).trim(), NAME);
    await page.locator('#app main').getByRole('link', { name: title }).waitFor();
  }
  await page.goto(site.url + '/');
  await appShown();
  assert.match(await page.title(), new RegExp(NAME));
  await axe('home');
  await page.locator('#app main').getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.match(page.url(), /\/bai-viet\/chao-mung$/);
  await axe('article');
  await page.goto(`${site.url}/tim-kiem?q=ho%E1%BA%A1t%20%C4%91%E1%BB%99ng`);
  await appShown();
  await page.locator('#app main').getByRole('link', { name: title }).waitFor();
  await axe('search');
  const missing = await page.goto(`${site.url}/khong-co-trang-nay`);
  assert.equal(missing.status(), 404);
  await appShown();
  await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
  await axe('not found');
  const login = page.locator('#app footer').getByRole('link', { name: 'Đăng nhập' });
  assert.equal(await login.getAttribute('href'), '/quan-tri/');
  assert.equal((await fetch(`${site.url}/quan-tri/`)).status, 200);
  // The footer's links are those the office has: the site map alone.
  assert.deepEqual(await page.locator('#app .footer-links a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['/so-do-cong']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without editor.json there is no "Đăng nhập" and no /quan-tri/', async () => {
  const content = join(work, 'no-editor');
  xtask('new-office', content, '--name', NAME);
  rmSync(join(content, 'editor.json'));
  xtask('publish', '--content', content, '--dist', join(work, 'no-editor-site'));
  assert.ok(!existsSync(join(work, 'no-editor-site/quan-tri')));
  const home = readFileSync(join(work, 'no-editor-site/index.html'), 'utf8');
  assert.ok(!home.includes('Đăng nhập') && !home.includes('/quan-tri/'), 'the home page still offers a login');
});
