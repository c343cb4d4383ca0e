// Passkeys (WebAuthn): sign-in on the sign-in page, registration on the account's passkey page.
// The server side is Spring Security's WebAuthn support, which sends and reads binary fields as
// base64url text. Without this script, or in a browser without WebAuthn, the password form still works.
"use strict";

(() => {
    const supported = typeof window.PublicKeyCredential === "function" && navigator.credentials;

    function toBase64Url(buffer) {
        let binary = "";
        for (const byte of new Uint8Array(buffer)) {
            binary += String.fromCharCode(byte);
        }
        return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function fromBase64Url(text) {
        const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
        const binary = atob(base64 + "=".repeat((4 - base64.length % 4) % 4));
        return Uint8Array.from(binary, (character) => character.charCodeAt(0)).buffer;
    }

    // The layout puts the CSRF header for htmx on <body hx-headers='{"X-CSRF-TOKEN": "..."}'>.
    function csrfHeaders() {
        const headers = document.body.getAttribute("hx-headers");
        return headers ? JSON.parse(headers) : {};
    }

    async function postJson(url, body) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "Accept": "application/json", ...csrfHeaders() },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    }

    function descriptors(list) {
        return (list || []).map((descriptor) => ({ ...descriptor, id: fromBase64Url(descriptor.id) }));
    }

    async function signIn(button) {
        const optionsResponse = await postJson(button.dataset.optionsUrl);
        if (!optionsResponse.ok) {
            throw new Error("Sign-in options request failed with HTTP " + optionsResponse.status);
        }
        const options = await optionsResponse.json();
        const credential = await navigator.credentials.get({
            publicKey: {
                ...options,
                challenge: fromBase64Url(options.challenge),
                allowCredentials: descriptors(options.allowCredentials),
            },
        });
        const response = credential.response;
        const result = await postJson(button.dataset.signInUrl, {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            response: {
                authenticatorData: toBase64Url(response.authenticatorData),
                clientDataJSON: toBase64Url(response.clientDataJSON),
                signature: toBase64Url(response.signature),
                userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
        });
        // Both success (200) and failure (401) name the page to open next.
        const answer = await result.json();
        window.location.assign(answer.redirectUrl);
    }

    function setUpSignIn(button) {
        const error = document.getElementById("passkey-sign-in-error");
        if (!supported) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", async () => {
            error.hidden = true;
            try {
                await signIn(button);
            }
            catch (failure) {
                console.error(failure);
                error.textContent = failure.name === "NotAllowedError" ? button.dataset.cancelled : button.dataset.failed;
                error.hidden = false;
            }
        });
    }

    async function register(form, label) {
        const optionsResponse = await postJson(form.dataset.optionsUrl);
        if (!optionsResponse.ok) {
            throw new Error("Registration options request failed with HTTP " + optionsResponse.status);
        }
        const options = await optionsResponse.json();
        const credential = await navigator.credentials.create({
            publicKey: {
                ...options,
                challenge: fromBase64Url(options.challenge),
                user: { ...options.user, id: fromBase64Url(options.user.id) },
                excludeCredentials: descriptors(options.excludeCredentials),
            },
        });
        const response = credential.response;
        return postJson(form.dataset.registerUrl, {
            label: label,
            credential: {
                id: credential.id,
                rawId: toBase64Url(credential.rawId),
                type: credential.type,
                response: {
                    attestationObject: toBase64Url(response.attestationObject),
                    clientDataJSON: toBase64Url(response.clientDataJSON),
                    transports: response.getTransports ? response.getTransports() : [],
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment,
            },
        });
    }

    function setUpRegistration(form) {
        const error = document.getElementById("passkey-register-error");
        const showError = (text) => {
            error.textContent = text;
            error.hidden = false;
        };
        if (!supported) {
            showError(form.dataset.unsupported);
            form.querySelector("button[type='submit']").disabled = true;
            return;
        }
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            error.hidden = true;
            const label = form.elements.label.value.trim();
            if (!label) {
                showError(form.dataset.labelMissing);
                return;
            }
            try {
                const result = await register(form, label);
                const answer = await result.json();
                if (result.ok) {
                    window.location.assign(answer.redirectUrl);
                }
                else {
                    showError(answer.message || form.dataset.failed);
                }
            }
            catch (failure) {
                console.error(failure);
                showError(failure.name === "NotAllowedError" ? form.dataset.cancelled : form.dataset.failed);
            }
        });
    }

    const signInButton = document.getElementById("passkey-sign-in");
    if (signInButton) {
        setUpSignIn(signInButton);
    }
    const registrationForm = document.getElementById("passkey-register");
    if (registrationForm) {
        setUpRegistration(registrationForm);
    }
})();
