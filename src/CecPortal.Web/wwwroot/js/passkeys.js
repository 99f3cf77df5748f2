// Passkey ceremonies (WebAuthn) for the account pages. No inline scripts (CSP): forms opt in with data attributes.
// The server makes the options and verifies the answer (ASP.NET Core Identity); this file only carries them
// between the page, the browser's passkey prompt and the form.
(function () {
    "use strict";

    var supported = !!(window.PublicKeyCredential
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function"
        && navigator.credentials);

    function describe(error) {
        if (error && error.name === "NotAllowedError") {
            return "The passkey prompt was closed or timed out. Try again when you are ready.";
        }
        if (error && error.name === "InvalidStateError") {
            return "This device already holds a passkey for your account.";
        }
        return "Your browser could not complete the passkey step. Try again, or use another device or browser.";
    }

    function show(element, text) {
        if (!element) {
            return;
        }
        element.textContent = text || "";
        element.classList.toggle("d-none", !text);
        element.classList.toggle("d-block", !!text && element.classList.contains("invalid-feedback"));
    }

    function postForOptions(form) {
        return fetch(form.getAttribute("data-options-url"), {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        });
    }

    // Adding a passkey: the password and name go first (the server checks them and answers the options),
    // then the browser creates the passkey, then the form posts it.
    document.querySelectorAll("form[data-passkey-create]").forEach(function (form) {
        var alertBox = document.querySelector("[data-passkey-error]");
        if (!supported) {
            show(document.querySelector("[data-passkey-unsupported]"), document.querySelector("[data-passkey-unsupported]").textContent);
            form.querySelector("button[type=submit]").disabled = true;
            return;
        }
        var busy = false;
        form.addEventListener("submit", function (event) {
            if (form.querySelector("[data-passkey-credential]").value) {
                return;
            }
            event.preventDefault();
            if (busy) {
                return;
            }
            busy = true;
            show(alertBox, "");
            form.querySelectorAll("[data-passkey-message]").forEach(function (m) { show(m, ""); });
            form.querySelectorAll("[data-passkey-field]").forEach(function (f) { f.classList.remove("is-invalid"); });
            postForOptions(form).then(function (response) {
                return response.json().then(function (body) { return { ok: response.ok && !(body && body.error), body: body }; });
            }).then(function (answer) {
                if (!answer.ok) {
                    var field = answer.body && answer.body.field;
                    var message = form.querySelector("[data-passkey-message='" + field + "']");
                    if (message) {
                        show(message, answer.body.error);
                        form.querySelector("[data-passkey-field='" + field + "']").classList.add("is-invalid");
                    } else {
                        show(alertBox, (answer.body && answer.body.error) || "The passkey could not be started.");
                    }
                    if (field === "Input.Password") {
                        form.querySelector("[data-passkey-field='Input.Password']").value = "";
                    }
                    return null;
                }
                var options = PublicKeyCredential.parseCreationOptionsFromJSON(answer.body);
                return navigator.credentials.create({ publicKey: options }).then(function (credential) {
                    form.querySelector("[data-passkey-credential]").value = JSON.stringify(credential.toJSON());
                    form.querySelector("[data-passkey-field='Input.Password']").value = "";
                    form.submit();
                    return null;
                });
            }).catch(function (error) {
                show(alertBox, describe(error));
            }).finally(function () {
                busy = false;
            });
        });
    });

    // Signing in with a passkey: the browser offers the passkeys it holds for this site; no email is typed.
    document.querySelectorAll("form[data-passkey-sign-in]").forEach(function (form) {
        var button = form.querySelector("[data-passkey-start]");
        var alertBox = form.querySelector("[data-passkey-error]");
        if (!supported) {
            button.disabled = true;
            show(form.querySelector("[data-passkey-unsupported]"), form.querySelector("[data-passkey-unsupported]").textContent);
            return;
        }
        button.addEventListener("click", function () {
            button.disabled = true;
            show(alertBox, "");
            postForOptions(form).then(function (response) {
                if (!response.ok) {
                    throw new Error("options");
                }
                return response.json();
            }).then(function (json) {
                var options = PublicKeyCredential.parseRequestOptionsFromJSON(json);
                return navigator.credentials.get({ publicKey: options });
            }).then(function (credential) {
                form.querySelector("[data-passkey-credential]").value = JSON.stringify(credential.toJSON());
                form.submit();
            }).catch(function (error) {
                show(alertBox, describe(error));
                button.disabled = false;
            });
        });
    });
}());
