// Copy buttons: <button data-copy-target="input-id"> copies that input's value (no inline scripts: CSP).
document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        if (!field) {
            return;
        }

        field.select();
        var done = function () {
            button.textContent = "Copied";
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done, function () { });
        } else if (document.execCommand("copy")) {
            done();
        }
    });
});
