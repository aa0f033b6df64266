// The staff editor (/quan-tri/, Sveltia CMS) from the built dist/, in Debian's
// Chromium, working in local-repository mode: a real Git work tree of the
// repository's content/ is copied into the browser's origin-private file
// system and handed to the editor in place of the folder picker. What the
// editor writes is copied back into the work tree, diffed with git, and
// published with `cargo xtask publish`.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import Ajv from 'ajv';
import { serveDist } from './server.mjs';

const DIST = process.env.DIST ?? new URL('../../dist', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCHEMA = join(ROOT, 'editor/node_modules/@sveltia/cms/schema/sveltia-cms.json');

let site, browser, context, page, problems, work, repo;

before(async () => {
  site = await serveDist(DIST, { folders: 'redirect' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

beforeEach(async () => {
  // A fresh clone-like work tree: the repository's content, committed.
  work = mkdtempSync(join(tmpdir(), 'portal-editor-'));
  repo = join(work, 'repo');
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Biên tập', '-c', 'user.email=bientap@example.org', 'commit', '-qm', 'Nội dung ban đầu');

  // Staff in Vietnam; the editor must write +07:00 whatever the machine's zone is,
  // so this browser runs in another one.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Europe/Berlin' });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    // The folder picker, answered with the work tree copied into this origin's private file system.
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    // The rich-text editor previews a body photo by its public address
    // (/media/x.jpg), which the site serves processed under /anh/. No visit
    // counter runs beside this suite's server (portal.test.mjs tests it), so
    // a reader page that started its app before the test ended gets a 404.
    const expected = /\/media\/[^/]+\.jpg$|\/api\/counter\//;
    if (response.status() >= 400 && !expected.test(response.url())) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
});

afterEach(async () => {
  const violations = await page.evaluate(() => window.__cspViolations).catch(() => []);
  await context.close();
  rmSync(work, { recursive: true, force: true });
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation in the editor');
  assert.deepEqual(problems, [], 'no page error or failed request');
});

function git(...args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** Copies the work tree (content/ and .git) into the origin-private file system, then opens the editor on it. */
async function openEditor() {
  await page.goto(`${site.url}/robots.txt`);
  const files = filesUnder(repo).map((file) => [relative(repo, file), readFileSync(file).toString('base64')]);
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    for (const [path, data] of files) {
      const parts = path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
  await page.goto(`${site.url}/quan-tri/`);
  await page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).click();
  await page.getByRole('button', { name: 'Tạo bài viết mới' }).waitFor();
}

/** Copies what the editor wrote under content/ back into the work tree. */
async function copyBack() {
  const files = await page.evaluate(async () => {
    const out = [];
    async function walk(dir, prefix) {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          out.push([`${prefix}${name}`, btoa(text)]);
        }
      }
    }
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
    await walk(await root.getDirectoryHandle('content'), 'content/');
    return out;
  });
  for (const [path, data] of files) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), Buffer.from(data, 'base64'));
  }
}

/** `cargo xtask publish` of the work tree's content into `dist`. */
function publish(dist) {
  return spawnSync('cargo', ['xtask', 'publish', '--content', join(repo, 'content'), '--dist', dist], { cwd: ROOT, encoding: 'utf8' });
}

/** A photo as a camera would give it, with bytes of its own (a JPEG comment), so the editor uploads it as new. */
function cameraPhoto(name) {
  const original = readFileSync(join(ROOT, 'content/media/cau-treo-ban-ho.jpg'));
  // After the start marker and the camera's EXIF segment, so both stay where readers look for them.
  const at = 4 + original.readUInt16BE(4);
  const comment = Buffer.from(`\xff\xfe\x00\x10${name.padEnd(14, ' ').slice(0, 14)}`, 'latin1');
  const file = join(work, name);
  writeFileSync(file, Buffer.concat([original.subarray(0, at), comment, original.subarray(at)]));
  return file;
}

/** Opens a new article's form once the editor has set it up. */
async function newArticle() {
  await page.getByRole('button', { name: 'Tạo bài viết mới' }).click();
  await page.getByRole('textbox', { name: 'Tiêu đề' }).waitFor();
  // The editor goes on setting a new entry up for a moment after its form
  // shows, with nothing on the page to tell when it is done: a title typed
  // then can be wiped, a cover ticked then stays without its fields (ticked
  // at once: 3 times in 3; after 0.5 s: fine 5 times in 5). A person
  // reading the form first takes longer than that.
  await page.waitForTimeout(2000);
}

/** Ticks "Thêm Ảnh đại diện": the cover's fields appear. */
async function addCover() {
  const checkbox = page.getByRole('checkbox', { name: /Ảnh đại diện/ });
  const alt = page.getByRole('textbox', { name: 'Mô tả ảnh (alt)' });
  await checkbox.click();
  // A click while the new form is still settling can be lost: tick again only if it is not ticked.
  if (!(await alt.waitFor({ timeout: 5000 }).then(() => true, () => false)) && (await checkbox.getAttribute('aria-checked')) !== 'true') {
    await checkbox.click();
  }
  await alt.waitFor();
}

async function save() {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
}

/** Saves the open entry, waits until the editor says it is saved, and copies what it wrote back. */
async function saveAndCopyBack() {
  await save();
  await page.getByText('Đã lưu bài viết.').waitFor();
  await copyBack();
}

test('the generated configuration validates against Sveltia CMS schema and offers every category', () => {
  const text = readFileSync(join(DIST, 'quan-tri/config.yml'), 'utf8');
  // JSON is YAML: the configuration is JSON after its comment line.
  const config = JSON.parse(text.slice(text.indexOf('\n') + 1));
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 1));
  const { categories } = JSON.parse(readFileSync(join(ROOT, 'content/categories.json'), 'utf8'));
  const field = config.collections.find((c) => c.name === 'articles').fields.find((f) => f.name === 'category');
  assert.deepEqual(field.options.map((o) => o.value).sort(), categories.map((c) => c.slug).sort());
});

test('with "review": true the editor works as the editorial workflow, and that configuration validates too', () => {
  // The same content, but on GitHub with review on, through the press as the pipeline runs it.
  writeFileSync(join(repo, 'content/editor.json'), JSON.stringify({ backend: 'github', repo: 'vanphong/cong-thong-tin', review: true }));
  const dist = join(work, 'dist');
  const result = publish(dist);
  assert.equal(result.status, 0, result.stderr);
  const text = readFileSync(join(dist, 'quan-tri/config.yml'), 'utf8');
  const config = JSON.parse(text.slice(text.indexOf('\n') + 1));
  assert.equal(config.publish_mode, 'editorial_workflow');
  assert.equal(config.backend.branch, 'main');
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 1));
  // Forgejo has no editorial workflow in Sveltia: the build says which setting to use instead.
  writeFileSync(join(repo, 'content/editor.json'), JSON.stringify({ backend: 'forgejo', repo: 'a/b', server: 'https://git.example.org', review: true }));
  const refused = publish(join(work, 'dist-2'));
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /editor\.json: field `review`: works with GitHub and GitLab only/);
});

test('the editor page is noindex, outside the sitemap, under its own policy; the readers\' policy is untouched', async () => {
  const editor = await fetch(`${site.url}/quan-tri/`);
  const reader = await fetch(`${site.url}/`);
  const editorPolicy = editor.headers.get('content-security-policy');
  const readerPolicy = reader.headers.get('content-security-policy');
  assert.match(await editor.text(), /<meta name="robots" content="noindex, nofollow">/);
  assert.equal(editor.headers.get('x-robots-tag'), 'noindex, nofollow');
  assert.ok(!readFileSync(join(DIST, 'sitemap.xml'), 'utf8').includes('quan-tri'));
  assert.notEqual(editorPolicy, readerPolicy);
  for (const source of ["'unsafe-inline'", 'git.sonvan.gov.example', 'blob:']) {
    assert.ok(!readerPolicy.includes(source), `the reader pages' policy allows no ${source}: ${readerPolicy}`);
  }
  assert.match(editorPolicy, /connect-src 'self' blob: data: https:\/\/git\.sonvan\.gov\.example;/);
  assert.ok(!/unpkg|jsdelivr/.test(editorPolicy));
  // "Đăng nhập" in the footer leads staff here.
  await page.goto(`${site.url}/`);
  assert.equal(await page.getByRole('link', { name: 'Đăng nhập' }).getAttribute('href'), '/quan-tri/');
});

test('staff write an article with a cover and a captioned photo; it is published with title, caption and byline', async () => {
  await openEditor();
  await newArticle();
  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Khánh thành đường liên xã Nậm Cang');
  await page.getByRole('textbox', { name: 'Sapo' }).fill('Tuyến đường dài 12 km nối ba xã vùng cao vừa được đưa vào sử dụng.');
  await page.locator('section[data-key-path="category"] [role=combobox]').click();
  await page.getByRole('option', { name: 'Tin địa phương' }).click();
  await page.getByRole('textbox', { name: 'Tác giả' }).fill('Lò Văn Hùng');
  await addCover();
  await page.locator('section[data-key-path="cover.src"] input[type=file]').first().setInputFiles(cameraPhoto('duong-lien-xa-nam-cang.jpg'));
  await page.locator('section[aria-label][data-key-path="cover.src"]').getByText('/media/duong-lien-xa-nam-cang.jpg').waitFor();
  await page.getByRole('textbox', { name: 'Mô tả ảnh (alt)' }).fill('Đường liên xã mới rải nhựa');
  await page.getByRole('textbox', { name: 'Chú thích' }).fill('Tuyến đường mới qua bản Nậm Cang');
  await page.locator('section[data-key-path="body"] [contenteditable=true]').click();
  await page.keyboard.type('Người dân ba xã phấn khởi khi con đường hoàn thành.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Ảnh', exact: true }).click();
  const photo = page.locator('[data-component-name="linked-image"]');
  await photo.locator('section[data-key-path$=":src"] input[type=file]').first().setInputFiles(cameraPhoto('nguoi-dan-tren-duong-moi.jpg'));
  // The photo is in before its description is typed (typing during the
  // upload can lose the photo's address from the component's value).
  await photo.getByText('/media/nguoi-dan-tren-duong-moi.jpg').waitFor();
  await photo.locator('section[data-key-path$=":alt"] input').fill('Người dân đi trên đường mới');
  await photo.locator('section[data-key-path$=":title"] input').fill('Người dân bản Nậm Cang trên tuyến đường mới');
  // The image component hands its fields to the entry a moment after they
  // show; a save in between finds the photo missing. Saving again once it
  // has caught up is what a person would do.
  const saved = page.getByText('Đã lưu bài viết.');
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(500);
    await save();
    if (await saved.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
    assert.ok(attempt < 4, 'the editor saves the article');
  }

  await copyBack();
  const slug = 'khanh-thanh-duong-lien-xa-nam-cang';
  const written = JSON.parse(readFileSync(join(repo, `content/articles/${slug}.json`), 'utf8'));
  assert.equal(written.title, 'Khánh thành đường liên xã Nậm Cang');
  assert.equal(written.category, 'tin-dia-phuong');
  assert.match(written.published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/, 'written in Vietnam time');
  assert.deepEqual(written.cover, { src: '/media/duong-lien-xa-nam-cang.jpg', alt: 'Đường liên xã mới rải nhựa', caption: 'Tuyến đường mới qua bản Nậm Cang' });
  assert.match(written.body, /!\[Người dân đi trên đường mới\]\(\/media\/nguoi-dan-tren-duong-moi\.jpg "Người dân bản Nậm Cang trên tuyến đường mới"\)/);
  assert.ok(statSync(join(repo, 'content/media/duong-lien-xa-nam-cang.jpg')).size > 1_000_000, 'the photo arrives at camera size');
  assert.equal(git('status', '--porcelain').trim().split('\n').length, 3, 'the article and its two photos, nothing else');

  const dist = join(work, 'dist');
  cpSync(DIST, dist, { recursive: true });
  const published = publish(dist);
  assert.equal(published.status, 0, published.stderr);
  const served = await serveDist(dist);
  try {
    const reader = await browser.newContext({ javaScriptEnabled: false });
    const article = await reader.newPage();
    const response = await article.goto(`${served.url}/bai-viet/${slug}`);
    assert.equal(response.status(), 200);
    assert.equal(await article.locator('h1').innerText(), 'Khánh thành đường liên xã Nậm Cang');
    assert.match(await article.locator('main').innerText(), /Lò Văn Hùng/);
    const captions = await article.locator('figcaption').allInnerTexts();
    assert.ok(captions.some((c) => c.includes('Người dân bản Nậm Cang trên tuyến đường mới')), captions.join(' | '));
    assert.ok(captions.some((c) => c.includes('Tuyến đường mới qua bản Nậm Cang')), captions.join(' | '));
    await reader.close();
  } finally {
    served.server.close();
  }
});

test('changing only a title is a one-line Git diff: other keys, their order and +07:00 dates stay', async () => {
  await openEditor();
  await page.goto(`${site.url}/quan-tri/#/collections/articles/entries/hoan-thanh-cau-treo-dan-sinh`);
  const title = page.getByRole('textbox', { name: 'Tiêu đề' });
  await title.fill('Hoàn thành cầu treo dân sinh, học sinh hết cảnh lội suối');
  await saveAndCopyBack();
  assert.equal(git('diff', '--numstat').trim(), '1\t1\tcontent/articles/hoan-thanh-cau-treo-dan-sinh.json');
  const diff = git('diff', '-U0').split('\n').filter((line) => /^[-+]\s/.test(line));
  assert.deepEqual(diff, [
    '-  "title": "Hoàn thành cầu treo dân sinh, học sinh không còn lội suối",',
    '+  "title": "Hoàn thành cầu treo dân sinh, học sinh hết cảnh lội suối",',
  ]);
});

test('documents and weeks open in their own forms, and editing a document\'s signer is a one-line Git diff', async () => {
  await openEditor();
  await page.goto(`${site.url}/quan-tri/#/collections/documents/entries/100-2024-qd-ubnd`);
  const number = page.getByRole('textbox', { name: 'Số/Ký hiệu' });
  await number.waitFor();
  assert.equal(await number.inputValue(), '100/2024/QĐ-UBND');
  const signer = page.getByRole('textbox', { name: 'Người ký' });
  await signer.fill('Chủ tịch Nông Đức Thành');
  await saveAndCopyBack();
  assert.equal(git('diff', '--numstat').trim(), '1\t1\tcontent/documents/100-2024-qd-ubnd.json');
  // A week of the schedule, with its days and items.
  await page.goto(`${site.url}/quan-tri/#/collections/schedule/entries/2026-W48`);
  const week = page.getByRole('textbox', { name: 'Tuần' });
  await week.waitFor();
  assert.equal(await week.inputValue(), '2026-W48');
});

test('"Bản nháp" writes "draft": true, and the draft is then published nowhere', async () => {
  await openEditor();
  await page.goto(`${site.url}/quan-tri/#/collections/articles/entries/hoan-thanh-cau-treo-dan-sinh`);
  await page.getByRole('textbox', { name: 'Tiêu đề' }).waitFor();
  await page.locator('section[data-key-path="draft"] [role=switch], section[data-key-path="draft"] input[type=checkbox]').first().click();
  await saveAndCopyBack();
  const written = JSON.parse(readFileSync(join(repo, 'content/articles/hoan-thanh-cau-treo-dan-sinh.json'), 'utf8'));
  assert.equal(written.draft, true);
  assert.equal(written.title, 'Hoàn thành cầu treo dân sinh, học sinh không còn lội suối', 'nothing else changed');
  const dist = join(work, 'dist');
  const result = publish(dist);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(!existsSync(join(dist, 'bai-viet/hoan-thanh-cau-treo-dan-sinh')), 'the draft has no page');
  assert.ok(!readFileSync(join(dist, 'sitemap.xml'), 'utf8').includes('hoan-thanh-cau-treo-dan-sinh'));
});

test('the form refuses a missing title, category or alt text, in Vietnamese', async () => {
  await openEditor();
  await newArticle();
  await addCover();
  await page.getByRole('textbox', { name: 'Chú thích' }).fill('Ảnh chưa có mô tả');
  await page.getByRole('textbox', { name: 'Sapo' }).fill('Có sapo nhưng thiếu tiêu đề.');
  await page.getByRole('textbox', { name: 'Tác giả' }).fill('Lò Văn Hùng');
  await page.locator('section[data-key-path="body"] [contenteditable=true]').click();
  await page.keyboard.type('Nội dung.');
  await save();
  await page.getByText(/Có \d+ trường bị lỗi\. Vui lòng sửa lỗi để lưu bài viết\./).waitFor();
  for (const field of ['title', 'category', 'cover.alt']) {
    const message = await page.locator(`section[aria-label][data-key-path="${field}"]`).innerText();
    assert.match(message, /Trường bắt buộc\./, `${field} says it is required`);
  }
  // Blank is not a title either (the press trims and refuses it; so does the form).
  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('   ');
  await save();
  await page.locator('section[aria-label][data-key-path="title"]').getByText('Trường bắt buộc.').waitFor();
  // A photo in the body without a description.
  await page.locator('section[data-key-path="body"] [contenteditable=true]').click();
  await page.getByRole('button', { name: 'Chỉnh sửa bằng Markdown' }).click();
  await page.locator('section[data-key-path="body"] textarea:visible').fill('Nội dung.\n\n![](/media/cau-treo-ban-ho.jpg "Chú thích")');
  await save();
  await page.locator('section[aria-label][data-key-path="body"]').getByText('Mọi ảnh trong nội dung phải có mô tả (alt) cho người khiếm thị.').waitFor();
  await copyBack();
  assert.equal(git('status', '--porcelain').trim(), '', 'nothing was written');
});

test('what the form lets through but the press refuses fails publish with file and field, and dist/ stays', async () => {
  await openEditor();
  await page.goto(`${site.url}/quan-tri/#/collections/articles/entries/hoan-thanh-cau-treo-dan-sinh`);
  // An update dated before the article was published: the form cannot compare two fields.
  await page.locator('section[data-key-path="updated"] input').first().fill('2020-01-02T08:30');
  await saveAndCopyBack();
  const written = JSON.parse(readFileSync(join(repo, 'content/articles/hoan-thanh-cau-treo-dan-sinh.json'), 'utf8'));
  assert.equal(written.updated, '2020-01-02T08:30:00+07:00');

  const dist = join(work, 'dist');
  cpSync(DIST, dist, { recursive: true });
  const before = snapshot(dist);
  const result = publish(dist);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /hoan-thanh-cau-treo-dan-sinh\.json: field `updated`: is earlier than `published`/);
  assert.deepEqual(snapshot(dist), before, 'the published site is as it was');
});

/** Every file of a folder with its size and modification time. */
function snapshot(dir) {
  return filesUnder(dir).map((file) => `${relative(dir, file)} ${statSync(file).size} ${statSync(file).mtimeMs}`).sort();
}
