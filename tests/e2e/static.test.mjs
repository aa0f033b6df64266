// The files the build writes for crawlers and readers without JavaScript:
// every HTML page passes the Nu Html Checker, the sitemaps their schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIST = process.env.DIST ?? new URL('../../dist', import.meta.url).pathname;
const here = (path) => new URL(path, import.meta.url).pathname;

function files(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'data' ? [] : files(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

/** Runs a checker; its complaints, or '' when it has none. */
function complaints(command, args) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error);
  }
}

test('every generated HTML page passes the Nu Html Checker', () => {
  const pages = files(DIST, '.html');
  assert.ok(pages.length > 60, `${pages.length} pages`);
  const vnu = here('node_modules/vnu-jar/build/dist/vnu.jar');
  assert.equal(complaints('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...pages]), '');
});

test('the checker does reject broken HTML', () => {
  // Guards the test above against a checker that accepts everything.
  const vnu = here('node_modules/vnu-jar/build/dist/vnu.jar');
  const bad = here('schemas/broken-page.html.txt');
  assert.match(complaints('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', '--html', bad]), /error: No “p” element in scope/);
});

test('the sitemaps validate against their schemas', () => {
  assert.equal(complaints('xmllint', ['--noout', '--schema', here('schemas/sitemap.xsd'), join(DIST, 'sitemap.xml')]), '');
  assert.equal(complaints('xmllint', ['--noout', '--schema', here('schemas/news-urlset.xsd'), join(DIST, 'news-sitemap.xml')]), '');
});

test('links, canonical addresses and the sitemaps use the one canonical form of every address', () => {
  // No trailing slash, no index.html (model::paths::canonical_path); the staff
  // pages are folders of their own outside the app: the editor at /quan-tri/,
  // "Số liệu" at /quan-tri/so-lieu/.
  const staff = ['/quan-tri/', '/quan-tri/so-lieu/'];
  const canonical = (path) => path === '/' || staff.includes(path) || (!path.endsWith('/') && !path.endsWith('/index.html'));
  let links = 0;
  for (const page of files(DIST, '.html')) {
    const html = readFileSync(page, 'utf8');
    for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#?]*)/g)) {
      links++;
      assert.ok(canonical(href), `${page}: a link to ${href}`);
    }
    const own = html.match(/<link rel="canonical" href="([^"]+)">/);
    if (own) assert.ok(canonical(new URL(own[1]).pathname), `${page}: canonical ${own[1]}`);
  }
  assert.ok(links > 1000, `${links} links`);
  for (const sitemap of ['sitemap.xml', 'news-sitemap.xml']) {
    for (const [, loc] of readFileSync(join(DIST, sitemap), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
      assert.ok(canonical(new URL(loc).pathname), `${sitemap}: ${loc}`);
    }
  }
});

test('every feed of the build is well-formed RSS 2.0 with its Vietnamese intact', () => {
  const feeds = [join(DIST, 'rss.xml'), ...files(join(DIST, 'rss'), '.xml')];
  assert.ok(feeds.length >= 8, `${feeds.length} feeds`);
  assert.equal(complaints('xmllint', ['--noout', ...feeds]), '');
  for (const feed of feeds) {
    const text = readFileSync(feed, 'utf8');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/, feed);
    assert.match(text, /<title>[^<]*Văn phòng Ủy ban nhân dân tỉnh Sơn Vân<\/title>/, feed);
    assert.match(text, /<language>vi<\/language>/, feed);
  }
  const site = readFileSync(join(DIST, 'rss.xml'), 'utf8');
  assert.match(site, /<item><title>Mùa hoa tam giác mạch nhuộm hồng các triền đồi<\/title>/);
  assert.match(site, /<pubDate>Fri, 27 Nov 2026 16:00:00 \+0700<\/pubDate>/);
});

test('every static page has a link preview picture that exists, and a description of at most 160 characters', () => {
  const pages = files(DIST, '.html');
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    // The offline shell is no page of its own: kept out of search and sharing.
    if (page.endsWith('/shell.html')) {
      assert.match(html, /<meta name="robots" content="noindex">/);
      continue;
    }
    // Nor are the staff's pages (editor.test.mjs and dashboard.test.mjs check them).
    if (page.endsWith('/quan-tri/index.html') || page.endsWith('/quan-tri/so-lieu/index.html')) {
      assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
      continue;
    }
    const image = html.match(/<meta property="og:image" content="([^"]+)">/);
    assert.ok(image, `${page}: no og:image`);
    const path = new URL(image[1]).pathname;
    const file = join(DIST, decodeURIComponent(path));
    assert.ok(existsSync(file), `${page}: og:image ${path} is not in dist/`);
    // Facebook and Zalo draw previews from JPEG and PNG (never SVG).
    const magic = readFileSync(file).subarray(0, 4);
    assert.ok(magic.toString('latin1', 1, 4) === 'PNG' || magic.readUInt16BE(0) === 0xffd8, `${page}: og:image ${path} is not a JPEG or PNG`);
    for (const name of ['property="og:description"', 'name="description"', 'name="twitter:description"']) {
      const description = html.match(new RegExp(`<meta ${name} content="([^"]*)">`));
      assert.ok(description, `${page}: no ${name}`);
      const text = description[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      assert.ok([...text].length <= 160, `${page}: ${name} has ${[...text].length} characters`);
    }
  }
  // The site-wide picture is a 1200×630 PNG, as Facebook and Zalo ask.
  const png = readFileSync(join(DIST, 'share.png'));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
});

test('every picture of every page has its size, and a photo offers exactly the files written', () => {
  let photos = 0;
  for (const page of files(DIST, '.html')) {
    const html = readFileSync(page, 'utf8');
    for (const [img] of html.matchAll(/<img\b[^>]*>/g)) {
      assert.match(img, / width="\d+" height="\d+"/, `${page}: ${img}`);
    }
    for (const [, srcset] of html.matchAll(/srcset="([^"]+)"/g)) {
      photos++;
      for (const item of srcset.split(', ')) {
        const [url, width] = item.split(' ');
        assert.ok(existsSync(join(DIST, url)), `${page}: ${url} is not in dist/`);
        assert.match(url, new RegExp(`-${width.slice(0, -1)}\\.(avif|webp|jpg)$`), `${page}: ${item}`);
      }
    }
  }
  assert.ok(photos > 20, `${photos} photo srcsets`);
  // Nothing in dist/anh/ that no page offers, and no original photo published.
  assert.ok(!existsSync(join(DIST, 'media/hoi-nghi-nong-thon-moi.jpg')));
});
