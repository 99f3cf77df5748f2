// Print buttons: <button data-print-page> opens the browser's print dialog (no inline scripts: CSP).
document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.addEventListener("click", function () {
        window.print();
    });
});
