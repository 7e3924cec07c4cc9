// Service worker: the site keeps working offline after one visit.
// Written into site/sw.js by the build (hooks/offline.py), which fills in
// VERSION (a hash of every file below) and PRECACHE (every page and the theme's
// and our own files; not the Python runtime, which is kept the first time a
// calculator page fetches it, so a reader of the guides never downloads it).
// With ?lite=1 (the reader's browser asks to save data) nothing is fetched
// ahead: only what the reader opens is kept.

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const PAGES = `pages-${VERSION}`;
const RUNTIME = "runtime"; // Pyodide files never change for a given URL; the calculators zip is content-named
const LITE = new URL(self.location.href).searchParams.get("lite") === "1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGES);
      if (!LITE) {
        // One at a time is kind to slow links; a failure leaves the rest to be kept on use.
        for (const path of PRECACHE) {
          try {
            await cache.add(new Request(new URL(path, self.registration.scope), { cache: "reload" }));
          } catch {
            /* kept later, when the reader opens it */
          }
        }
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== PAGES && key !== RUNTIME) await caches.delete(key);
      }
      const runtime = await caches.open(RUNTIME);
      for (const request of await runtime.keys()) {
        // an old calculators package is of no use once its name has changed
        // old packages and old snapshots are of no use once their names have changed
        const old = /\/assets\/py\/calculators-[0-9a-f]+\.zip$/.test(request.url) && !PRECACHE_ZIP.test(request.url);
        const oldSnapshot = /\/assets\/py\/snapshot-[0-9a-f]+\.bin\.gz$/.test(request.url) && !SNAPSHOT.test(request.url);
        if (old || oldSnapshot) {
          await runtime.delete(request);
        }
      }
      await self.clients.claim();
    })(),
  );
});

const PRECACHE_ZIP = new RegExp(`${"__PACKAGE__".replace(/[.]/g, "\\.")}$`);
const SNAPSHOT = new RegExp(`${"__SNAPSHOT__".replace(/[.]/g, "\\.")}$`);

function isRuntime(url) {
  return url.pathname.includes("/pyodide/") || url.pathname.includes("/assets/py/");
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Pages: the network first (fresh content), the kept copy when offline.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) (await caches.open(PAGES)).put(url.pathname, response.clone());
          return response;
        } catch {
          const cached = await caches.match(url.pathname, { ignoreSearch: true });
          return cached || (await caches.match(new URL("404.html", self.registration.scope).pathname)) ||
            Response.error();
        }
      })(),
    );
    return;
  }

  // Everything else: the kept copy first, else the network (and keep it).
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) {
        const cache = await caches.open(isRuntime(url) ? RUNTIME : PAGES);
        cache.put(request, response.clone());
      }
      return response;
    })(),
  );
});
