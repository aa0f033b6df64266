// The offline service worker's keeping rules, run in Node on the worker the
// build wrote (dist/sw.js) with a Cache Storage kept in memory: the browser
// tests (portal.test.mjs) read saved pages offline, this one saves more
// pages than a phone should keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const DIST = process.env.DIST ?? new URL('../../dist', import.meta.url).pathname;
const ORIGIN = 'https://sonvan.gov.example';

/** Cache Storage as the spec has it: keys in the order entries were put. */
class MemoryCache {
  entries = new Map();
  async put(request, response) {
    this.entries.delete(request.url);
    this.entries.set(request.url, response);
  }
  async match(request) {
    return this.entries.get(typeof request === 'string' ? new URL(request, ORIGIN).href : request.url);
  }
  async delete(request) {
    return this.entries.delete(request.url);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

function loadWorker(fetch) {
  const stores = new Map();
  const caches = {
    open: async (name) => stores.get(name) ?? stores.set(name, new MemoryCache()).get(name),
    keys: async () => [...stores.keys()],
    match: async (request) => {
      for (const cache of stores.values()) {
        const found = await cache.match(request);
        if (found) return found;
      }
    },
  };
  const context = vm.createContext({
    self: { addEventListener() {}, location: { origin: ORIGIN } },
    caches, fetch, Request, Response, URL, Set, Promise, JSON, Math,
  });
  vm.runInContext(readFileSync(join(DIST, 'sw.js'), 'utf8'), context);
  return { worker: context, stores, limit: vm.runInContext('MAX_SAVED', context) };
}

test('the offline copies are capped: the least recently read go first, the site frame stays', async () => {
  const { worker, stores, limit } = loadWorker(async (request) => new Response(`copy of ${request.url}`));
  assert.ok(limit >= 100, `keeps at least 100 pages and pictures (${limit})`);
  const url = (path) => new Request(`${ORIGIN}${path}`);
  await worker.networkFirst(url('/data/site.json'));
  await worker.networkFirst(url('/data/latest/1.json'));
  for (let i = 0; i < limit + 50; i++) {
    await worker.networkFirst(url(`/data/articles/bai-${i}.json`));
    // The first article is read again and again: it is never the oldest.
    if (i % 10 === 0) await worker.networkFirst(url('/data/articles/bai-0.json'));
  }
  const saved = (await stores.get('portal-saved').keys()).map((request) => new URL(request.url).pathname);
  assert.ok(saved.length <= limit + 2, `${saved.length} entries kept`);
  for (const path of ['/data/site.json', '/data/latest/1.json', '/data/articles/bai-0.json', `/data/articles/bai-${limit + 49}.json`]) {
    assert.ok(saved.includes(path), `${path} is kept`);
  }
  assert.ok(!saved.includes('/data/articles/bai-1.json'), 'the oldest article read once is gone');
  // What is kept is still read offline.
  const offline = loadWorker(async () => { throw new TypeError('offline'); });
  offline.stores.set('portal-saved', stores.get('portal-saved'));
  assert.equal(await (await offline.worker.networkFirst(url('/data/articles/bai-0.json'))).text(), `copy of ${ORIGIN}/data/articles/bai-0.json`);
});
