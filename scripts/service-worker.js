// Rolecraft's service worker: the build's own files, precached, so that a reload offline
// opens the app. `scripts/service-worker.ts` writes it into dist/ at build time with the
// manifest below filled in (every file of the build and a hash of all their contents).
// A new build is a new manifest, so the browser installs the new worker; it takes over once
// every tab of the old version is closed, so an open tab never loses the files it runs on.

const PRECACHE = self.__ROLECRAFT_PRECACHE__;
const CACHE = `rolecraft-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('rolecraft-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Every page of the app is index.html (`/?generate=…`, `/#share=…`): the app reads the URL.
  const key = request.mode === 'navigate' ? '/index.html' : url.pathname;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(request)),
  );
});
