// Offline reading for the portal. Registered by index.html; the press's
// post-build step fills in BUILD (changes with every new app) and SHELL.
//
// - The app itself (hashed file names) is kept per build, in `portal-app-BUILD`;
//   a new build's worker deletes the old build's cache when it takes over.
// - Pages, the published data and pictures come from the network first, and
//   are kept in `portal-saved` for when there is none: a reader gets the new
//   page (and with it the new app) on every load that has a connection.
// - A page never opened, asked for offline, gets the app's shell page; the app
//   then shows "Bạn đang ngoại tuyến" with the articles saved here.
// - Only this site's GET requests for pages, /data/, the app and pictures are
//   touched: the visitor counter's requests, the staff editor (/quan-tri/)
//   and anything else pass by.
const BUILD = '__PORTAL_BUILD__';
const SHELL = ['__PORTAL_SHELL__'];
const APP_CACHE = `portal-app-${BUILD}`;
const SAVED_CACHE = 'portal-saved';
const SHELL_PAGE = '/shell.html';
// Must match model::paths (site, latest_page(1), article, saved_articles).
const ALWAYS_SAVED = ['/data/site.json', '/data/latest/1.json'];
const ARTICLE_DATA = /^\/data\/articles\/[a-z0-9-]+\.json$/;
const SAVED_LIST = '/data/offline/saved.json';
// Pages, data and pictures kept for offline reading, at most: the oldest go
// first (about 25 MB of a phone's storage with the pictures' usual sizes).
const MAX_SAVED = 400;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(APP_CACHE)).addAll(SHELL);
    await (await caches.open(SAVED_CACHE)).addAll(ALWAYS_SAVED);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('portal-app-') && name !== APP_CACHE) await caches.delete(name);
    }
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

/** How a request is answered: 'app', 'saved', 'list', or null (left alone). */
function kind(request) {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return null;
  // The staff editor works against the Git host, never from a saved copy.
  if (url.pathname.startsWith('/quan-tri/')) return null;
  if (request.mode === 'navigate') return 'saved';
  const path = url.pathname;
  if (path === SAVED_LIST) return 'list';
  if (/^\/(portal|main)-[0-9a-f]{8,}[._]/.test(path)) return 'app';
  if (path.startsWith('/data/') || path.startsWith('/media/') || path.startsWith('/anh/') || /^\/[a-z-]+\.(svg|png)$/.test(path)) return 'saved';
  return null;
}

self.addEventListener('fetch', (event) => {
  const how = kind(event.request);
  if (how === 'app') event.respondWith(fromApp(event.request));
  else if (how === 'saved') event.respondWith(networkFirst(event.request, event.preloadResponse));
  else if (how === 'list') event.respondWith(savedArticles());
});

async function fromApp(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(APP_CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request, preloaded) {
  try {
    const response = (await preloaded) || (await fetch(request));
    // A 404 is the right answer online, not something to read offline.
    if (response.ok) await save(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { ignoreVary: true });
    if (kept) return kept;
    if (request.mode === 'navigate') {
      const shell = await caches.match(SHELL_PAGE);
      if (shell) return shell;
    }
    throw offline;
  }
}

/** Keeps a response for offline reading; the least recently saved go beyond MAX_SAVED. */
async function save(request, response) {
  const cache = await caches.open(SAVED_CACHE);
  // The order of keys is the order of use: a put replaces an entry by
  // appending the new one (Cache API, "batch cache operations"), so the old
  // copy stays until the new one is in.
  await cache.put(request, response);
  const keys = await cache.keys();
  const always = new Set(ALWAYS_SAVED.map((path) => new URL(path, self.location.origin).href));
  const old = keys.filter((key) => !always.has(key.url)).slice(0, Math.max(0, keys.length - MAX_SAVED));
  await Promise.all(old.map((key) => cache.delete(key)));
}

/** The saved articles, newest first, as one listing page (model::ListingPage). */
async function savedArticles() {
  const cache = await caches.open(SAVED_CACHE);
  const articles = [];
  for (const request of await cache.keys()) {
    if (!ARTICLE_DATA.test(new URL(request.url).pathname)) continue;
    try {
      const { slug, title, sapo, category, published, cover } = await (await cache.match(request)).json();
      articles.push({ slug, title, sapo, category, published, ...(cover ? { cover } : {}) });
    } catch {
      // An unreadable entry is left out of the list.
    }
  }
  articles.sort((a, b) => (a.published < b.published ? 1 : -1));
  const page = { page: 1, total_pages: 1, total_articles: articles.length, articles };
  return new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

// The first page a reader opens loads before this worker runs: index.html
// sends its address (once) and what it fetched before the worker took over.
self.addEventListener('message', (event) => {
  const { page, resources } = event.data ?? {};
  if (typeof page !== 'string' || !Array.isArray(resources)) return;
  const pageRequest = page ? new Request(page) : null;
  const requests = resources.filter((href) => typeof href === 'string').map((href) => new Request(href));
  if (pageRequest) requests.push(pageRequest);
  event.waitUntil(Promise.all(requests.map(async (request) => {
    const how = request === pageRequest ? 'saved' : kind(request);
    if (how !== 'app' && how !== 'saved') return;
    try {
      const response = await fetch(request);
      if (!response.ok) return;
      if (how === 'app') await (await caches.open(APP_CACHE)).put(request, response);
      else await save(request, response);
    } catch {
      // Offline already: nothing to save.
    }
  })));
});
