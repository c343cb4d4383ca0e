// Small behaviours that need script; every page also works without it.
document.addEventListener("click", (event) => {
    const printButton = event.target.closest("[data-print]");
    if (printButton) {
        event.preventDefault();
        window.print();
    }
});

// A 401 means the session expired: reload, so that the sign-in page replaces the whole page
// instead of appearing inside a fragment.
document.addEventListener("htmx:responseError", (event) => {
    if (event.detail.xhr.status === 401) {
        window.location.reload();
    }
});
