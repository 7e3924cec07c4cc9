// Service worker: the site keeps working offline, in the reader's language.
// Written into site/sw.js by the build (hooks/offline.py), which fills in
//   PRECACHE: {lang: [url, revision]}: every page of that language, its search index and every
//     theme and own file; fetched when a page asks ({type: "keep", lang}: calculator.js sends it
//     once the page has been idle a while), and answered with {type: "kept", lang, failed?} to that page;
//   RUNTIME_FILES: [url, revision] of the Python runtime files, kept the first time a calculator
//     page fetches them (a reader of the guides never downloads them);
//   KEPT: where calc-worker.js keeps the runtime unpacked (the wasm, the snapshot's memory, the standard
//     library), kept with the runtime files;
//   VERSION: a hash of both lists.
// A revision is a hash of the file's bytes. Each file is kept under a key that carries its
// revision, so after a rebuild the new worker fetches only the files whose revision changed
// and copies nothing else. Our own scripts and stylesheet are asked for by versioned URLs
// (`?v=<revision>`, written into the pages by the build), so a page always gets the versions
// it was built with; the previous version's files stay kept until the next update, for pages
// still open from before.
// The languages kept ahead are remembered (LANGS), so an update fetches the changed files of
// those at install, as before, and nothing of a language the reader never asked for.
// With ?lite=1 (the reader's browser asks to save data) nothing is fetched ahead: only what
// the reader opens is kept.

const VERSION = "__VERSION__";
const WHOLE_PACKAGE = __WHOLE_PACKAGE__; // "assets/py/calculators-<hash>.zip": every calculator's modules
const PRECACHE = __PRECACHE__;
const RUNTIME_FILES = __RUNTIME__;
// ["assets/py/pyodide.asm-<key>.wasm", ...]: where calc-worker.js keeps the runtime unpacked (keys, not files)
const KEPT = __KEPT__;
const PAGES = "pages"; // files kept ahead, keyed by revision
const VISITED = "visited"; // pages opened (network first), for offline use of what is not kept ahead
const RUNTIME = "runtime"; // shared with calc-worker.js (it keeps the snapshot here)
const CURRENT = "/__sw/keys"; // the keys the active version keeps (read by the next one)
const LANGS = "/__sw/langs"; // the languages kept ahead so far
const LITE = new URL(self.location.href).searchParams.get("lite") === "1";
const SCOPE = self.registration.scope;

// The cache key of a file at a revision: a versioned or content-named URL is its own key.
function keyOf(path, rev) {
  const url = new URL(path, SCOPE);
  if (!url.searchParams.has("v") && !path.includes(rev)) url.searchParams.set("__rev", rev);
  return url.href;
}
const AHEAD = new Map(Object.values(PRECACHE).flat().map(([path, rev]) => [new URL(path, SCOPE).href, keyOf(path, rev)]));
const ON_USE = new Map(RUNTIME_FILES.map(([path, rev]) => [new URL(path, SCOPE).href, keyOf(path, rev)]));

// Keep a language's files ahead. One at a time is kind to slow links; a failure leaves the rest
// to be kept on use. "no-cache": a file the page has just loaded is revalidated (a few hundred
// bytes when unchanged), not downloaded again.
async function keepAhead(lang) {
  const files = PRECACHE[lang];
  if (LITE || !files) return 0;
  const cache = await caches.open(PAGES);
  let fetched = 0;
  for (const [path, rev] of files) {
    const key = keyOf(path, rev);
    if (await cache.match(key)) continue; // same revision: nothing to fetch
    try {
      const response = await fetch(new Request(new URL(path, SCOPE).href, { cache: "no-cache" }));
      if (response.ok) {
        await cache.put(key, response);
        fetched += 1;
      }
    } catch {
      /* kept later, when the reader opens it */
    }
  }
  fetched += await keepWholePackage();
  const marker = new URL(LANGS, SCOPE).href;
  const langs = new Set(await (await cache.match(marker))?.json().catch(() => []) ?? []);
  if (!langs.has(lang)) await cache.put(marker, new Response(JSON.stringify([...langs, lang])));
  return fetched;
}

// A page with one calculator loads a zip of only that calculator's modules
// (assets/py/page-<slug>-<hash>.zip(.gz), hooks/runtime.py); the calculators' whole zip holds every
// calculator's. For a reader who has used a calculator here (the runtime is kept), the whole zip is
// kept with the pages ahead, and a page's own zip that is neither kept nor reachable is answered
// with it: a calculator never opened before then works offline too.
const PAGE_ZIP = /\/assets\/py\/page-[^/]+-[0-9a-f]{12}\.zip(\.gz)?$/;

function wholeKey(bare) {
  if (!WHOLE_PACKAGE || !PAGE_ZIP.test(bare)) return undefined;
  return ON_USE.get(new URL(WHOLE_PACKAGE + (bare.endsWith(".gz") ? ".gz" : ""), SCOPE).href);
}

async function keepWholePackage() {
  const key = WHOLE_PACKAGE && ON_USE.get(new URL(`${WHOLE_PACKAGE}.gz`, SCOPE).href);
  if (LITE || !key) return 0;
  const runtime = await caches.open(RUNTIME);
  if (!(await runtime.keys()).length || (await runtime.match(key))) return 0; // no calculator used, or kept
  try {
    const response = await fetch(new URL(`${WHOLE_PACKAGE}.gz`, SCOPE).href);
    if (!response.ok) return 0;
    await runtime.put(key, response);
    return 1;
  } catch {
    return 0; /* next time */
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // An update: the changed files of the languages kept so far; a first install: nothing.
      const cache = await caches.open(PAGES);
      const langs = await (await cache.match(new URL(LANGS, SCOPE).href))?.json().catch(() => []) ?? [];
      for (const lang of langs) await keepAhead(lang);
      await self.skipWaiting();
    })(),
  );
});

let keeping = Promise.resolve(); // one language at a time

self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep") return;
  const lang = String(event.data.lang);
  keeping = keeping.then(async () => {
    const fetched = await keepAhead(lang);
    event.source?.postMessage({ type: "kept", lang, fetched });
  }).catch(() => event.source?.postMessage({ type: "kept", lang, failed: true })); // e.g. no room left
  event.waitUntil(keeping);
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (![PAGES, VISITED, RUNTIME].includes(name)) await caches.delete(name); // older layouts
      }
      // Keep this version's files and the previous version's (pages opened before the update
      // may still ask for them); drop anything older.
      const pages = await caches.open(PAGES);
      const marker = new URL(CURRENT, SCOPE).href;
      const previous = new Set(await (await pages.match(marker))?.json().catch(() => []) ?? []);
      const keep = new Set(AHEAD.values());
      const langs = new URL(LANGS, SCOPE).href;
      for (const request of await pages.keys()) {
        if (![marker, langs].includes(request.url) && !keep.has(request.url) && !previous.has(request.url)) {
          await pages.delete(request);
        }
      }
      await pages.put(marker, new Response(JSON.stringify([...keep])));
      // Runtime files of another revision (an older package, snapshot, library or Pyodide) go.
      const runtime = await caches.open(RUNTIME);
      const current = new Set([...ON_USE.values(), ...KEPT.map((key) => new URL(key, SCOPE).href)]);
      for (const request of await runtime.keys()) {
        if (!current.has(request.url)) await runtime.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromNetwork(request, cacheName, key) {
  const response = await fetch(request);
  if (response.ok && response.status === 200) (await caches.open(cacheName)).put(key, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname;

  if (request.mode === "navigate") {
    // Pages: the network first (fresh content), the kept copy when offline.
    event.respondWith(
      (async () => {
        try {
          return await fromNetwork(request, VISITED, bare);
        } catch {
          const kept = AHEAD.get(bare);
          const cached = (kept && (await caches.match(kept))) || (await caches.match(bare));
          return cached || (await caches.match(AHEAD.get(new URL("404.html", SCOPE).href) ?? "")) ||
            Response.error();
        }
      })(),
    );
    return;
  }

  // Everything else: the kept copy of this revision first, else the network (and keep it).
  event.respondWith(
    (async () => {
      const runtimeKey = ON_USE.get(bare);
      const key = AHEAD.get(request.url) ?? AHEAD.get(bare) ?? runtimeKey;
      const cached = await caches.match(key ?? request);
      if (cached) return cached;
      if (runtimeKey) {
        try {
          return await fromNetwork(request, RUNTIME, runtimeKey);
        } catch (err) {
          const whole = wholeKey(bare);
          const kept = whole && (await caches.match(whole));
          if (kept) return kept;
          throw err;
        }
      }
      return fromNetwork(request, key ? PAGES : VISITED, key ?? request);
    })(),
  );
});
