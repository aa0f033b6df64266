// Serves dist/ on loopback the way the hosts the README names do: files as
// they are, a real 404 (with 404.html) for a missing file, a page's folder
// served from its index.html — and, in the `redirect` mode, a folder's
// address without its slash redirected to the slash form first, as nginx's
// default, trunk serve, GitHub Pages, S3 website hosting and Cloudflare
// Pages do (`/van-ban?x=1` → 301 `/van-ban/?x=1`). The shipped nginx
// snippet (`try_files $uri $uri/index.html`) serves `/van-ban` as it is:
// the `serve` mode.
import { createServer, request as forward } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xml': 'application/xml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
};

/**
 * Serves `root`; with `counter` (a base URL), `/api/counter/…` is proxied to
 * it; with `data` (a folder), `/data/…` comes from there instead of root;
 * `folders` is 'redirect' or 'serve' (see above).
 */
export async function serveDist(root, { port = 0, counter, data, compress = false, folders = 'serve' } = {}) {
  if (!['redirect', 'serve'].includes(folders)) throw new Error(`folders: 'redirect' or 'serve', not ${folders}`);
  root = resolve(root);
  const dataRoot = data ? resolve(data) : join(root, 'data');
  const rules = headerRules(join(root, '_headers'));
  const server = createServer(async (request, response) => {
    if (counter && request.url.startsWith('/api/counter/')) {
      proxy(request, response, new URL(request.url.slice('/api/counter'.length), counter));
      return;
    }
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const inData = path.startsWith('/data/');
    const file = inData ? normalize(join(dataRoot, path.slice('/data'.length))) : normalize(join(root, path));
    if (!file.startsWith(inData ? dataRoot : root)) {
      response.writeHead(403).end();
      return;
    }
    // A page's own static file (bai-viet/x/index.html), else a real 404 with
    // the not-found page (where the app starts too), as the README tells hosts.
    const isPage = extname(path) === '' && !inData;
    if (isPage && folders === 'redirect' && !path.endsWith('/') && (await isFile(join(file, 'index.html')))) {
      const url = new URL(request.url, 'http://x');
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const candidates = isPage ? [join(file, 'index.html')] : [file];
    for (const target of candidates) {
      try {
        if (!(await stat(target)).isFile()) continue;
        let body = await readFile(target);
        const headers = { ...headersFor(rules, path), 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' };
        // As a CDN would: brotli for text and wasm when the browser takes it.
        if (compress && /br/.test(request.headers['accept-encoding'] ?? '') && COMPRESSIBLE.test(target)) {
          body = brotli(target, body);
          headers['content-encoding'] = 'br';
        }
        response.writeHead(200, headers);
        response.end(body);
        return;
      } catch {
        // try the next candidate
      }
    }
    try {
      const notFound = await readFile(join(root, '404.html'));
      response.writeHead(404, { ...headersFor(rules, path), 'content-type': TYPES['.html'] }).end(notFound);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(port, '127.0.0.1', ready));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const COMPRESSIBLE = /\.(html|js|css|json|wasm|svg|xml|txt)$/;
const compressed = new Map();
function brotli(path, body) {
  if (!compressed.has(path)) {
    compressed.set(path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(path);
}

/** A free port on loopback, for a process the tests start. */
export async function freePort() {
  const server = createNetServer();
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** The `_headers` file (Cloudflare Pages / Netlify format), as the host would apply it. */
function headerRules(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
    } else if (rules.length && /^\s*!/.test(line)) {
      // `! Name` detaches a header an earlier rule set.
      rules.at(-1).headers[line.trim().slice(1).trim().toLowerCase()] = null;
    } else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules, path) {
  const headers = {};
  for (const { pattern, headers: add } of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!matches) continue;
    for (const [name, value] of Object.entries(add)) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
  }
  return headers;
}

function proxy(request, response, target) {
  const upstream = forward(target, { method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
    response.end('{"error":"the counter is unreachable"}');
  });
  request.pipe(upstream);
}

// `node server.mjs DIR PORT [COUNTER] [redirect|serve]` serves by hand, for looking at a build.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = 8090, counter, folders = 'redirect'] = process.argv.slice(2);
  const { url } = await serveDist(dir, { port: Number(port), counter, folders });
  console.log(`serving on ${url}`);
}
