// The service worker of Chi bộ số: keeps the pages that the server lists for the signed-in account
// (GET /offline/contents) in one cache per account, and serves them from that cache when the network fails.
//
// Rules it keeps:
// - Every copy is fetched with the member's own cookies, so it passed the server's authorization; only
//   200 answers that are not the sign-in page are kept.
// - One cache per account ("chibo-offline-" + key); a refresh for one account deletes every other one, so
//   a second person signing in on the same device never reads the first one's pages.
// - The network comes first: a cached copy is used only when a request fails (no connection).
// - A page script may ask to clear everything (on sign-out), and so does a contents list that is not
//   JSON (the session has ended).

const PREFIX = "chibo-offline-";
const SAVED_HEADER = "X-Chibo-Saved-At";
// A refresh fetches every listed page, so it runs at most this often per account.
const REFRESH_INTERVAL_MS = 10 * 60 * 1000;
// What save() returns when the server redirected instead of answering, which means the session ended.
const SESSION_ENDED = Symbol("session ended");
// Stylesheets, scripts and webjars that a saved page links to; these have content hashes in their URLs.
const ASSET = /(?:src|href)="(\/(?:css|js|webjars)\/[^"?#]+)"/g;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "refresh" && typeof message.account === "string" && message.account) {
        event.waitUntil(refreshIfDue(message.account).then((savedAt) => tell(event.source, savedAt)));
    } else if (message.type === "clear") {
        event.waitUntil(clearAll().then(() => tell(event.source, null)));
    }
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") {
        return;
    }
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || url.pathname === "/sw.js" || url.pathname === "/offline/contents") {
        return;
    }
    // Live event streams and htmx fragments have no offline copy: a saved full page must not be swapped
    // into a fragment.
    const accept = request.headers.get("Accept") || "";
    if (accept.includes("text/event-stream") || request.headers.has("HX-Request")) {
        return;
    }
    event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
    try {
        return await fetch(request);
    } catch (failure) {
        const cached = await fromCache(request.url);
        if (cached) {
            return cached;
        }
        if (request.mode === "navigate") {
            const home = await fromCache(new URL("/", self.location.origin).href);
            if (home) {
                return markNotSaved(home);
            }
        }
        throw failure;
    }
}

async function accountCache() {
    const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
    return names.length === 1 ? caches.open(names[0]) : null;
}

async function fromCache(url) {
    const cache = await accountCache();
    const response = cache ? await cache.match(url, { ignoreVary: true }) : undefined;
    if (!response) {
        return null;
    }
    return isHtml(response) ? markSaved(response) : response;
}

// A saved page carries the time it was saved in an attribute on <body> that the page script
// turns into the banner. No page that came from the network has the attribute.
async function markSaved(response, extra = "") {
    const savedAt = response.headers.get(SAVED_HEADER) || "";
    const html = (await response.text()).replace("<body", `<body data-offline-saved="${savedAt}"${extra}`);
    const headers = new Headers(response.headers);
    headers.delete("Content-Length");
    return new Response(html, { status: 200, statusText: "OK", headers });
}

async function markNotSaved(response) {
    const clone = new Response(await response.blob(), { status: 200, statusText: "OK", headers: response.headers });
    return markSaved(clone, ' data-offline-not-saved="true"');
}

function isHtml(response) {
    return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

// The refresh under way, which a second page's request joins instead of starting another one.
let running = null;

async function refreshIfDue(account) {
    if (running) {
        await running;
    }
    // The time the home page was saved is the time of the last refresh. It lives in the cache because
    // the browser stops an idle worker, and a variable would be lost with it.
    const savedAt = await homeSavedAt(PREFIX + account);
    const due = !savedAt || Date.now() - Date.parse(savedAt) > REFRESH_INTERVAL_MS;
    if (due) {
        // Offline or the server is down: keep what was saved and try again on the next page.
        running = refresh().catch(() => undefined);
        try {
            await running;
        } finally {
            running = null;
        }
    }
    return homeSavedAt(PREFIX + account);
}

async function homeSavedAt(name) {
    if (!(await caches.keys()).includes(name)) {
        return null;
    }
    const home = await (await caches.open(name)).match("/", { ignoreVary: true });
    return home ? home.headers.get(SAVED_HEADER) : null;
}

async function refresh() {
    // No fetch of the worker follows a redirect: without a session, following one to the sign-in page
    // would start a new session and replace the cookie of a sign-in form open in a tab.
    const listing = await fetch("/offline/contents",
        { credentials: "same-origin", redirect: "manual", headers: { Accept: "application/json", "X-Chibo-Offline": "save" } });
    const type = listing.headers.get("Content-Type") || "";
    if (listing.status !== 200 || !type.includes("json")) {
        // Signed out, or the session ended: nothing may stay.
        await clearAll();
        return;
    }

    const { account, paths } = await listing.json();
    const name = PREFIX + account;
    for (const other of await caches.keys()) {
        if (other !== name) {
            await caches.delete(other);
        }
    }

    const cache = await caches.open(name);
    const kept = new Set();
    const assets = new Set();
    for (const path of paths) {
        // A saved file is kept as it is: its path names one version (a meeting document's id, a library
        // file's "?v="), and fetching it again would cost a slow link the whole file at every refresh.
        const saved = await cache.match(path, { ignoreVary: true });
        if (saved && !isHtml(saved)) {
            kept.add(path);
            continue;
        }
        const html = await save(cache, path);
        if (html === SESSION_ENDED) {
            await clearAll();
            return;
        }
        if (html !== null) {
            kept.add(path);
            for (const match of html.matchAll(ASSET)) {
                assets.add(match[1]);
            }
        }
    }

    for (const asset of assets) {
        const saved = await save(cache, asset);
        if (saved !== null && saved !== SESSION_ENDED) {
            kept.add(asset);
        }
    }
    // A meeting that has passed or a document taken off leaves the list, and its copy leaves the device.
    for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (!kept.has(url.pathname + url.search)) {
            await cache.delete(request);
        }
    }
}

// Fetches one path with the member's cookies and keeps it when the response is a 200 that is not the
// sign-in page. Returns the text of a saved HTML page, "" for another saved file, SESSION_ENDED on a
// redirect, or null when nothing was kept.
async function save(cache, path) {
    let response;
    try {
        response = await fetch(path, { credentials: "same-origin", redirect: "manual", headers: { "X-Chibo-Offline": "save" } });
    } catch (failure) {
        return null;
    }
    if (response.type === "opaqueredirect") {
        // The session ended during the refresh (the server sends a signed-out request to the sign-in page).
        return SESSION_ENDED;
    }
    if (response.status !== 200 || new URL(response.url).pathname === "/login") {
        return null;
    }
    const headers = new Headers(response.headers);
    headers.set(SAVED_HEADER, new Date().toISOString());
    const body = await response.blob();
    await cache.put(path, new Response(body, { status: 200, statusText: "OK", headers }));
    return isHtml(response) ? body.text() : "";
}

async function clearAll() {
    for (const name of await caches.keys()) {
        await caches.delete(name);
    }
}

function tell(client, savedAt) {
    if (client) {
        client.postMessage({ type: "offline-state", savedAt });
    }
}
