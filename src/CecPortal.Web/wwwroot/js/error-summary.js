// A form that comes back refused shows its error summary (Infrastructure/Forms/LinkedValidationSummaryTagHelper):
// focus moves there at once, so a screen reader reads the errors and the next Tab reaches the first link to a field.
// A script rather than the autofocus attribute, which loses to a field's own autofocus and to the address's fragment.
(function () {
    'use strict';
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
        return;
    }

    var main = document.getElementById('main');
    function reclaim() {
        summary.focus();
    }

    summary.focus();
    // After the skip link the address ends in #main, and a form posts back to it: once parsed, the browser focuses
    // <main> for that fragment. Until the page has loaded, the summary takes focus back.
    if (main) {
        main.addEventListener('focus', reclaim);
        window.addEventListener('load', function () {
            window.setTimeout(function () {
                main.removeEventListener('focus', reclaim);
                if (document.activeElement === document.body || document.activeElement === main) {
                    reclaim();
                }
            }, 0);
        });
    }
})();
