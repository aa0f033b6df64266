// End to end: citizens speak back. A copy of the sample content with a
// draft open around today, published over the kept app, served as the hosts
// we document serve it, the real portal-counter behind /api/counter; a
// comment sent with JavaScript on, a question with JavaScript off (a plain
// form, 303), its code looked up, an answer published, the lookup again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { freePort, serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const COUNTER_BIN = process.env.COUNTER_BIN ?? join(ROOT, 'target/debug/portal-counter');
const TOKEN = 'bi-mat-e2e';
const DRAFT = '/du-thao/e2e-dang-lay-y-kien';
const CODE = /^HD-\d{4}-[2-9A-HJKMNP-Z]{8}$/;

let work, site, browser, counter;

/** RFC 3339 in Vietnam's time, `days` from now. */
function vietnam(days) {
  const at = new Date(Date.now() + days * 86400000 + 7 * 3600000);
  return `${at.toISOString().slice(0, 19)}+07:00`;
}

function write(relative, value) {
  writeFileSync(join(work, 'content', relative), `${JSON.stringify(value, null, 2)}\n`);
}

/** `cargo xtask publish` of the copy into its own dist. */
function publish() {
  const run = spawnSync('cargo', ['xtask', 'publish', '--content', join(work, 'content'), '--dist', join(work, 'dist')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `publish failed:\n${run.stdout}\n${run.stderr}`);
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'portal-citizens-'));
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  // A draft open around today, whatever the day the tests run.
  write('consultations/e2e-dang-lay-y-kien.json', {
    title: 'Dự thảo Quy định về quản lý chợ phiên vùng cao',
    summary: 'Quy định về địa điểm, thời gian họp chợ phiên và trách nhiệm giữ gìn vệ sinh, an ninh trật tự.',
    agency: 'Sở Công Thương',
    opens: vietnam(-1),
    closes: vietnam(30),
    files: ['/du-thao/quy-che-van-hoa-cong-so.pdf'],
    contact: 'Phòng Quản lý thương mại, Sở Công Thương.',
    draft: false,
  });
  publish();
  const port = await freePort();
  site = await serveDist(join(work, 'dist'), { counter: `http://127.0.0.1:${port}`, folders: 'redirect' });
  counter = spawn(COUNTER_BIN, [
    '--listen', `127.0.0.1:${port}`, '--db', join(work, 'c.sqlite3'), '--allow-origin', site.url,
    '--staff-token', TOKEN, '--known-paths', join(work, 'dist/data/counted-paths.json'),
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  await createInterface({ input: counter.stdout })[Symbol.asyncIterator]().next();
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

async function staff(path) {
  const answer = await fetch(`${site.url}/api/counter/v1/staff/${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(answer.status, 200, path);
  return answer.json();
}

/** The app has taken over (JavaScript on) and drawn the page. */
async function drawn(tab) {
  await tab.locator('#app:not([hidden]) .site-header nav.menu').waitFor();
  await tab.waitForFunction(() => !document.querySelector('#app .state-loading'));
}

test('a comment on an open draft, sent with JavaScript on, is thanked on the page and reaches staff', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${site.url}/du-thao`);
  await drawn(tab);
  const open = tab.locator('#app .consultation-group', { hasText: 'Đang lấy ý kiến' });
  await open.getByRole('link', { name: 'Dự thảo Quy định về quản lý chợ phiên vùng cao' }).click();
  await tab.waitForURL(`${site.url}${DRAFT}`);
  await drawn(tab);
  assert.match(await tab.locator('#app .consultation-standing').innerText(), /Đang lấy ý kiến · Còn (29|30) ngày/);
  const thanks = tab.locator('#app #da-gui');
  assert.equal(await thanks.isVisible(), false, 'no thank-you before sending');
  await tab.getByLabel('Họ và tên *').fill('Lò Thị Xuân');
  await tab.getByLabel(/Thư điện tử/).fill('xuan@example.org');
  await tab.getByLabel(/Nội dung góp ý/).fill('Đề nghị bổ sung <b>điều 4</b>: chợ họp từ 6 giờ sáng.');
  await tab.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  // The app sends it as JSON and thanks in place: the same document, the thank-you in view,
  // the form emptied for another comment.
  await tab.evaluate(() => { window.__sameDocument = true; });
  await tab.getByRole('button', { name: 'Gửi góp ý' }).click();
  await thanks.waitFor({ state: 'visible' });
  assert.match(await thanks.innerText(), /Cảm ơn bạn đã góp ý/);
  assert.equal(await tab.evaluate(() => window.__sameDocument), true, 'sent in place, without a page load');
  assert.equal(new URL(tab.url()).pathname, DRAFT);
  await assert.doesNotReject(tab.waitForFunction(() => {
    const box = document.querySelector('#app #da-gui').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }), 'the thank-you is brought into view');
  assert.equal(await tab.getByLabel('Họ và tên *').inputValue(), '', 'the form is emptied');
  // Without scripts, the function's 303 leads to the draft's page with the same thank-you shown.
  await tab.goto(`${site.url}${DRAFT}?da-gui=1#da-gui`);
  await drawn(tab);
  await thanks.waitFor({ state: 'visible' });
  const comments = await staff(`comments?path=${DRAFT}`);
  assert.equal(comments.length, 1);
  assert.equal(comments[0].email, 'xuan@example.org');
  assert.equal(comments[0].organisation, null, 'an empty optional field is not sent');
  assert.equal(comments[0].name, 'Lò Thị Xuân');
  assert.equal(comments[0].content, 'Đề nghị bổ sung <b>điều 4</b>: chợ họp từ 6 giờ sáng.', 'stored as typed');
  assert.deepEqual(errors, []);

  // A refusal (here the honeypot a program would fill): the form goes the plain way and
  // the function's reason is what the reader sees.
  await tab.goto(`${site.url}${DRAFT}`);
  await drawn(tab);
  await tab.getByLabel('Họ và tên *').fill('Máy gửi tự động');
  await tab.getByLabel(/Nội dung góp ý/).fill('Quảng cáo');
  await tab.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await tab.evaluate(() => { document.querySelector('#app [name=website]').value = 'http://quang-cao.example'; });
  await tab.getByRole('button', { name: 'Gửi góp ý' }).click();
  await tab.waitForURL(/\/api\/counter\/v1\/comments$/);
  assert.match(await tab.locator('body').innerText(), /phải để trống/);
  assert.equal((await staff(`comments?path=${DRAFT}`)).length, 1, 'nothing stored');
  await context.close();
});

test('a question sent with JavaScript on opens its code in place', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tab = await context.newPage();
  await tab.goto(`${site.url}/hoi-dap`);
  await drawn(tab);
  await tab.getByLabel('Họ và tên *').fill('Hà Thị Mai');
  await tab.getByLabel(/Số điện thoại hoặc thư điện tử/).fill('0912 345 678');
  await tab.getByLabel('Lĩnh vực *').selectOption('Y tế');
  await tab.getByLabel(/Nội dung câu hỏi/).fill('Trạm y tế xã có tiêm vắc-xin phòng cúm cho người cao tuổi không?');
  await tab.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await tab.evaluate(() => { window.__sameDocument = true; });
  await tab.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await tab.waitForURL(/\/hoi-dap\/da-gui\?ma=/);
  const code = new URL(tab.url()).searchParams.get('ma');
  assert.match(code, CODE);
  await tab.locator('#app .question-code', { hasText: code }).waitFor();
  assert.equal(await tab.evaluate(() => window.__sameDocument), true, 'sent in place, without a page load');
  const [question] = (await staff('questions')).filter((q) => q.code === code);
  assert.equal(question.topic, 'Y tế');
  assert.equal(question.contact, '0912 345 678');
  await context.close();
});

test('a question sent with JavaScript off gets its code; the lookup says waiting, then leads to the answer once published', async () => {
  // A plain form: the function answers 303 to the portal's own page.
  const bare = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const tab = await bare.newPage();
  await tab.goto(`${site.url}/hoi-dap`);
  await tab.getByLabel('Họ và tên *').fill('Vàng A Dình');
  await tab.getByLabel('Lĩnh vực *').selectOption('Đất đai');
  await tab.getByLabel(/Nội dung câu hỏi/).fill('Xin hỏi thủ tục đăng ký biến động khi tặng cho quyền sử dụng đất?');
  await tab.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await tab.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await tab.waitForURL(/\/hoi-dap\/da-gui\/?\?ma=/);
  assert.match(await tab.locator('main').innerText(), /Câu hỏi của bạn đã được gửi/);
  const code = new URL(tab.url()).searchParams.get('ma');
  assert.match(code, CODE);
  await bare.close();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // With JavaScript, the page writes the code in.
  await page.goto(`${site.url}/hoi-dap/da-gui/?ma=${code}&fbclid=IwAR0`);
  await drawn(page);
  assert.equal(await page.locator('#app .question-code').innerText(), code);
  assert.equal(new URL(page.url()).search, `?ma=${code}`, 'the code stays in the address, the tracking parameter goes');

  // Staff see it, with what the sender gave; the lookup shows nothing personal.
  const [question] = (await staff('questions')).filter((q) => q.code === code);
  assert.equal(question.name, 'Vàng A Dình');
  assert.equal(question.status, 'received');
  const status = await (await fetch(`${site.url}/api/counter/v1/questions/${code}`)).json();
  assert.deepEqual(status, { code, status: 'received' });

  async function lookUp() {
    await page.goto(`${site.url}/hoi-dap`);
    await drawn(page);
    await page.getByRole('searchbox', { name: 'Tra cứu câu hỏi theo mã' }).fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
  }
  await lookUp();
  await page.waitForURL(/\/hoi-dap\/da-nhan\/?\?ma=/);
  await drawn(page);
  assert.match(await page.locator('#app .question-notice').innerText(), new RegExp(`Câu hỏi mã ${code} đã được tiếp nhận`));

  // Staff write the answer with its code and publish.
  write('questions/e2e-tang-cho-dat.json', {
    code,
    title: 'Đăng ký biến động khi tặng cho quyền sử dụng đất',
    topic: 'dat-dai',
    asked: vietnam(-0.5),
    question: 'Xin hỏi thủ tục đăng ký biến động khi tặng cho quyền sử dụng đất?',
    answer: 'Hồ sơ gồm hợp đồng tặng cho đã công chứng và giấy chứng nhận; nộp tại Bộ phận một cửa.',
    answered_by: 'Sở Nông nghiệp và Môi trường',
    answered: vietnam(-0.01),
    draft: false,
  });
  publish();
  // The counter reads the published answers again on its own (every few seconds).
  const started = Date.now();
  for (;;) {
    const now = await (await fetch(`${site.url}/api/counter/v1/questions/${code}`)).json();
    if (now.status === 'answered') {
      assert.equal(now.answer_path, '/hoi-dap/e2e-tang-cho-dat');
      break;
    }
    assert.ok(Date.now() - started < 20000, 'the counter never read the published answer');
    await new Promise((done) => setTimeout(done, 500));
  }
  await lookUp();
  await page.waitForURL(/\/hoi-dap\/e2e-tang-cho-dat\/?$/);
  await drawn(page);
  assert.equal(await page.locator('#app h1').innerText(), 'Đăng ký biến động khi tặng cho quyền sử dụng đất');
  assert.match(await page.locator('#app .question-asked').innerText(), new RegExp(`Ẩn danh · Lĩnh vực Đất đai .* Mã ${code}`));
  assert.match(await page.locator('#app .question-answer').innerText(), /hợp đồng tặng cho đã công chứng/);
  await context.close();
});

test('the new pages work at every address form and axe finds no WCAG 2.1 A/AA violation in either theme', async () => {
  const paths = ['/du-thao', DRAFT, '/du-thao/ho-tro-nha-o-ho-ngheo', '/hoi-dap', '/hoi-dap?chu-de=dat-dai',
    '/hoi-dap/cap-doi-giay-chung-nhan-quyen-su-dung-dat', '/hoi-dap/da-gui?ma=HD-2026-ABCDEFGH', '/hoi-dap/khong-tim-thay?ma=HD-2026-ZZZZZZZZ'];
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const tab = await context.newPage();
    for (const path of paths) {
      await tab.goto(site.url + path);
      await drawn(tab);
      const { violations } = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, [], `${path}, ${colorScheme}`);
    }
    await context.close();
  }
  // Folders with and without their slash, index.html, a share's tracking parameter; on a host
  // that redirects folders to their slash form and on one that serves them as they are.
  const plain = await serveDist(join(work, 'dist'), { folders: 'serve' });
  const context = await browser.newContext();
  const tab = await context.newPage();
  for (const host of [site.url, plain.url]) {
    for (const [path, heading] of [
      ['/du-thao', 'Dự thảo lấy ý kiến'], ['/du-thao/', 'Dự thảo lấy ý kiến'], ['/du-thao/index.html?fbclid=IwAR0', 'Dự thảo lấy ý kiến'],
      [`${DRAFT}/?utm_source=zalo`, 'Dự thảo Quy định về quản lý chợ phiên vùng cao'],
      ['/hoi-dap?chu-de=y-te', 'Hỏi đáp: Y tế'], ['/hoi-dap/?chu-de=y-te&zarsrc=30', 'Hỏi đáp: Y tế'],
      ['/hoi-dap/tiem-chung-mo-rong/index.html', 'Lịch tiêm chủng mở rộng tại trạm y tế xã'],
      ['/hoi-dap/khong-tim-thay/?ma=HD-2026-ZZZZZZZZ&fbclid=1', 'Không tìm thấy câu hỏi'],
    ]) {
      await tab.goto(host + path);
      await drawn(tab);
      assert.equal(await tab.locator('#app h1').innerText(), heading, `${host}${path}`);
    }
  }
  await context.close();
  plain.server.close();
});
