/* global self, caches */
// The resident's page opens offline once it has been opened (a tablet at an event, a phone in a basement): this
// worker keeps the page's shell, its assets and the questionnaire it showed. Registered by src/resident/main.tsx for
// /q/ only: the staff app's pages are never under it, and of the API it stores the public questionnaire alone. Sending
// answers is not its job (the page keeps them and retries by itself): POSTs go to the network untouched.
// Plain JavaScript, no library: it stays a few hundred bytes beside the page's budget.

const CACHE = 'repere-q-v1';
/** The page's html, the same for every questionnaire (/q/{slug} is served q.html). */
const SHELL = '/q.html';
const PAGE = /^\/q\/[^/]+\/?$/;
const PAYLOAD = /^\/api\/public\/questionnaires\/[^/]+$/;
const ASSET = /^\/assets\//;

/** The assets a shell names: its script, its stylesheet and their preloads (hashed names: they never change). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

async function storeShell(cache, response) {
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  const wanted = new Set(assetsOf(html));
  await Promise.all([...wanted].map(async (url) => (await cache.match(url)) || cache.add(url)));
  // Assets of an older build go, so the cache stays the size of one page.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (ASSET.test(path) && !wanted.has(path)) await cache.delete(request);
  }
}

async function install() {
  const cache = await caches.open(CACHE);
  const shell = await fetch(SHELL, { cache: 'no-store' });
  if (shell.ok) await storeShell(cache, shell);
  // The page read its questionnaire before this worker existed: fetch it again for each tab open on one.
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    tabs.map(async (tab) => {
      const url = new URL(tab.url);
      const slug = PAGE.test(url.pathname) ? url.pathname.split('/')[2] : null;
      if (!slug) return;
      const lang = url.searchParams.get('lang');
      const payload = `/api/public/questionnaires/${slug}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
      const response = await fetch(payload).catch(() => null);
      if (response && response.ok) await cache.put(payload, response);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('repere-q-') && name !== CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

/** The network while there is one (the page and the questionnaire stay current), the last copy without it. */
async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      event.waitUntil(key === SHELL ? storeShell(cache, response.clone()) : cache.put(key, response.clone()));
    } else if (response.status === 404 || response.status === 410) {
      // Closed, archived or gone: its copy goes too, so the page says so offline as well.
      event.waitUntil(cache.delete(key, { ignoreSearch: true }));
    }
    return response;
  } catch (error) {
    // Another language of the same questionnaire is better than nothing: the page then shows that language.
    const hit = (await cache.match(key)) || (key === SHELL ? undefined : await cache.match(key, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && PAGE.test(url.pathname)) event.respondWith(networkFirst(event, SHELL));
  else if (PAYLOAD.test(url.pathname)) event.respondWith(networkFirst(event, url.pathname + url.search));
  else if (ASSET.test(url.pathname)) event.respondWith(cacheFirst(request));
  // Anything else goes to the network as if this worker were not there, and nothing of it is stored.
});
