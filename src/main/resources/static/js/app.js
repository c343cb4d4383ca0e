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

// A file over the upload limit is named as soon as it is chosen, and the form is not sent. Over a slow
// link the member would otherwise wait for the file to travel only to get the server's refusal, which
// also loses what the form held. The server checks the size again either way.
function oversizedFile(input) {
    const limit = Number(input.dataset.maxBytes);
    return Array.from(input.files || []).find((file) => file.size > limit);
}

function showOversizedFile(input, file) {
    let message = input.parentElement.querySelector(".file-too-large");
    if (!file) {
        if (message) {
            message.remove();
            input.removeAttribute("aria-invalid");
        }
        return;
    }
    if (!message) {
        message = document.createElement("p");
        message.className = "field-error file-too-large";
        message.setAttribute("role", "alert");
        input.insertAdjacentElement("afterend", message);
    }
    // A function, so that "$&" and the like in a file name are not read as patterns.
    message.textContent = input.dataset.tooLarge.replace("{0}", () => file.name);
    input.setAttribute("aria-invalid", "true");
}

document.addEventListener("change", (event) => {
    const input = event.target.closest("input[type=file][data-max-bytes]");
    if (input) {
        showOversizedFile(input, oversizedFile(input));
    }
});

document.addEventListener("submit", (event) => {
    for (const input of event.target.querySelectorAll("input[type=file][data-max-bytes]")) {
        const file = oversizedFile(input);
        if (file) {
            event.preventDefault();
            showOversizedFile(input, file);
            input.focus();
            return;
        }
    }
});
