// The page side of the offline app: registers the service worker (/sw.js), asks it to save the signed-in
// account's pages, shows the offline banner, locks forms that cannot work offline, and clears every saved
// page before signing out.
(() => {
    const body = document.body;
    const banner = document.getElementById("offline-banner");
    const account = body.dataset.offlineAccount || "";
    const savedAt = body.dataset.offlineSaved || "";

    function formatTime(iso) {
        const time = new Date(iso);
        if (Number.isNaN(time.getTime())) {
            return iso;
        }
        return time.toLocaleString(document.documentElement.lang || "vi", { dateStyle: "short", timeStyle: "short" });
    }

    function isSignOut(form) {
        return (form.getAttribute("action") || "").endsWith("/logout");
    }

    // A saved copy carries an old CSRF token and no connection may be there, so its forms would fail:
    // they are disabled with a note. Signing out stays possible, because it clears the saved pages first.
    function lockForms(locked) {
        for (const form of document.querySelectorAll("form[method=post]")) {
            if (isSignOut(form)) {
                continue;
            }
            for (const control of form.querySelectorAll("button, input[type=submit]")) {
                control.disabled = locked;
            }
            let note = form.querySelector(".offline-note");
            if (locked && !note) {
                note = document.createElement("p");
                note.className = "hint offline-note";
                note.textContent = banner.dataset.needsConnection;
                form.appendChild(note);
            }
            if (note) {
                note.hidden = !locked;
            }
        }
    }

    function show() {
        if (!banner) {
            return;
        }
        const parts = [];
        if (!navigator.onLine) {
            parts.push(banner.dataset.offline);
        }
        if (savedAt) {
            parts.push(body.dataset.offlineNotSaved ? banner.dataset.notSaved
                : banner.dataset.saved.replace("%TIME%", formatTime(savedAt)));
        }
        banner.textContent = parts.join(" ");
        banner.hidden = parts.length === 0;
        lockForms(parts.length > 0);
    }

    async function clearSaved() {
        if (!("caches" in window)) {
            return;
        }
        const names = await caches.keys();
        await Promise.all(names.map((name) => caches.delete(name)));
        const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
        if (worker) {
            worker.postMessage({ type: "clear" });
        }
    }

    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!isSignOut(form) || form.dataset.cleared) {
            return;
        }
        event.preventDefault();
        form.dataset.cleared = "true";
        clearSaved().finally(() => form.submit());
    });

    window.addEventListener("online", show);
    window.addEventListener("offline", show);
    show();

    if (!("serviceWorker" in navigator)) {
        return;
    }
    navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data && event.data.type === "offline-state") {
            document.documentElement.dataset.offlineSavedAt = event.data.savedAt || "";
        }
    });
    navigator.serviceWorker.startMessages();
    navigator.serviceWorker.register("/sw.js", { scope: "/" })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
            if (account && !savedAt && navigator.onLine && registration.active) {
                registration.active.postMessage({ type: "refresh", account });
            }
        })
        .catch(() => {
            // No service worker (a private window, or a browser that refuses it): pages still work online.
        });
})();
