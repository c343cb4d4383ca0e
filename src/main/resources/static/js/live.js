// Live updates of a meeting's pages. The page names its event stream in [data-live-stream]; each
// event of the stream names a part of the meeting room (STATE, ATTENDANCE, AGENDA, SPEAKERS, VOTES,
// OPINIONS). Every region marked data-live-part with that part is fetched again from its
// data-live-src and replaced by the element with the same id in the response. Regions that share an
// address are fetched once. A region in which the reader is typing, or has changed a field, is left
// as it is, so that an unsent text or choice is never lost. The browser reconnects a dropped stream
// by itself, sending the id of the last event it received, and the server then sends what changed.
// A stream that the server rejected with an error status is opened again here (connect).
(() => {
    "use strict";

    const inFlight = new Map();

    function isBeingEdited(region) {
        const active = document.activeElement;
        if (active && region.contains(active) && active.matches("input, textarea, select")) {
            return true;
        }
        for (const field of region.querySelectorAll("input, textarea, select")) {
            if (field.matches("input[type=checkbox], input[type=radio]")) {
                if (field.checked !== field.defaultChecked) {
                    return true;
                }
            }
            else if (field.matches("select")) {
                if ([...field.options].some((option) => option.selected !== option.defaultSelected)) {
                    return true;
                }
            }
            else if (field.value !== field.defaultValue) {
                return true;
            }
        }
        return false;
    }

    function swapFrom(html, regions) {
        const fresh = new DOMParser().parseFromString(html, "text/html");
        for (const region of regions) {
            const replacement = fresh.getElementById(region.id);
            if (!replacement || !region.isConnected || isBeingEdited(region)) {
                continue;
            }
            const adopted = document.importNode(replacement, true);
            region.replaceWith(adopted);
            if (window.htmx) {
                window.htmx.process(adopted);
            }
        }
    }

    // One request per address at a time; an event that arrives meanwhile triggers one more request afterwards.
    function fetchRegions(source) {
        if (inFlight.has(source)) {
            inFlight.set(source, true);
            return;
        }
        inFlight.set(source, false);
        fetch(source, { credentials: "same-origin", headers: { "HX-Request": "true" } })
            .then((response) => {
                if (response.status === 401) {
                    window.location.reload();
                    return null;
                }
                return response.ok ? response.text() : null;
            })
            .then((html) => {
                if (html !== null) {
                    const regions = [...document.querySelectorAll("[data-live-src]")]
                        .filter((region) => region.getAttribute("data-live-src") === source);
                    swapFrom(html, regions);
                }
            })
            .catch(() => { /* The next event or a reload shows the current state. */ })
            .finally(() => {
                const again = inFlight.get(source);
                inFlight.delete(source);
                if (again) {
                    fetchRegions(source);
                }
            });
    }

    function refresh(part) {
        const sources = new Set();
        for (const region of document.querySelectorAll("[data-live-part]")) {
            if (region.getAttribute("data-live-part").split(" ").includes(part)) {
                sources.add(region.getAttribute("data-live-src"));
            }
        }
        sources.forEach(fetchRegions);
    }

    // The browser closes a stream for good when the server responds with an error status: a 503 while the
    // database is down, a 502 from the balancer while a node restarts. The page then opens it again
    // after a growing delay, from the last event it received, so that it catches up once the server
    // serves again. A stream refused for good (204 after the meeting, 401 after sign-out) is tried a
    // few more times, cheaply, and then left closed.
    const FIRST_RETRY_MS = 2000;
    const MAX_RETRY_DELAY_MS = 60000;
    const MAX_RETRIES = 20;

    function streamAddress(address, lastEventId) {
        if (!lastEventId) {
            return address;
        }
        const url = new URL(address, window.location.href);
        url.searchParams.set("lastEventId", lastEventId);
        return url.pathname + url.search;
    }

    function connect(stream, address, retry) {
        const source = new EventSource(address);
        let lastEventId = null;
        for (const part of ["STATE", "ATTENDANCE", "AGENDA", "SPEAKERS", "VOTES", "OPINIONS"]) {
            source.addEventListener(part, (event) => {
                lastEventId = event.lastEventId || lastEventId;
                refresh(part);
            });
        }
        source.addEventListener("open", () => {
            retry.count = 0;
            retry.delay = FIRST_RETRY_MS;
            stream.setAttribute("data-live-state", "open");
        });
        source.addEventListener("error", () => {
            if (source.readyState !== EventSource.CLOSED) {
                stream.setAttribute("data-live-state", "reconnecting");
                return;
            }
            stream.setAttribute("data-live-state", "closed");
            if (retry.count >= MAX_RETRIES) {
                return;
            }
            retry.count += 1;
            const next = streamAddress(address, lastEventId);
            window.setTimeout(() => connect(stream, next, retry), retry.delay);
            retry.delay = Math.min(retry.delay * 2, MAX_RETRY_DELAY_MS);
        });
    }

    function start() {
        const stream = document.querySelector("[data-live-stream]");
        if (!stream || !window.EventSource) {
            return;
        }
        connect(stream, stream.getAttribute("data-live-stream"), { count: 0, delay: FIRST_RETRY_MS });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    }
    else {
        start();
    }
})();
