// Briefing editor: live preview (rendered on the server by the same renderer and partials members see) and
// adding/removing vulnerability rows. Without JavaScript the form offers "Preview" and "Add rows" buttons instead.
(function () {
    'use strict';

    var DEBOUNCE_MS = 300;

    function init(form) {
        var preview = document.querySelector('[data-briefing-preview]');
        var url = form.getAttribute('data-preview-url');
        var tokenInput = form.querySelector('input[name="__RequestVerificationToken"]');
        var rows = form.querySelector('[data-rows]');
        var timer = null;
        var latest = 0;

        function refresh() {
            if (!preview || !url || !tokenInput) {
                return;
            }

            var request = ++latest;
            var body = new URLSearchParams(new FormData(form));
            preview.setAttribute('aria-busy', 'true');
            fetch(url, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': tokenInput.value },
                body: body
            }).then(function (response) {
                // A redirect means the session ended (sign-in page): never show that page inside the preview.
                if (!response.ok || response.redirected) {
                    throw new Error('Preview answered ' + response.status);
                }
                return response.text();
            }).then(function (html) {
                // Only the newest answer counts: a slow earlier one must not overwrite it.
                if (request === latest) {
                    preview.innerHTML = html;
                    preview.removeAttribute('data-preview-error');
                }
            }).catch(function () {
                if (request === latest) {
                    preview.setAttribute('data-preview-error', 'true');
                }
            }).finally(function () {
                if (request === latest) {
                    preview.removeAttribute('aria-busy');
                }
            });
        }

        function schedule() {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, DEBOUNCE_MS);
        }

        // Keeps the names contiguous (Input.Vulnerabilities[0..n]) so the server binds every row.
        function renumber() {
            var all = rows.querySelectorAll('[data-row]');
            all.forEach(function (row, index) {
                row.querySelectorAll('[name], [id], [data-valmsg-for], [aria-label]').forEach(function (element) {
                    ['name', 'data-valmsg-for'].forEach(function (attribute) {
                        var value = element.getAttribute(attribute);
                        if (value) {
                            element.setAttribute(attribute, value.replace(/Vulnerabilities\[\d+\]/, 'Vulnerabilities[' + index + ']'));
                        }
                    });
                    var id = element.getAttribute('id');
                    if (id) {
                        element.setAttribute('id', id.replace(/Vulnerabilities_\d+__/, 'Vulnerabilities_' + index + '__'));
                    }
                    var label = element.getAttribute('aria-label');
                    if (label) {
                        element.setAttribute('aria-label', label.replace(/row \d+$/, 'row ' + (index + 1)));
                    }
                });
            });
            var max = parseInt(rows.getAttribute('data-max-rows'), 10);
            var add = form.querySelector('[data-add-row]');
            if (add) {
                add.disabled = all.length >= max;
            }
        }

        function addRow() {
            var template = rows.querySelector('[data-row]');
            if (!template) {
                return;
            }
            var row = template.cloneNode(true);
            row.querySelectorAll('input').forEach(function (input) {
                input.value = '';
                input.classList.remove('input-validation-error');
            });
            row.querySelectorAll('select').forEach(function (select) {
                select.selectedIndex = 0;
            });
            row.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
                message.textContent = '';
            });
            rows.appendChild(row);
            renumber();
            var first = row.querySelector('input');
            if (first) {
                first.focus();
            }
        }

        if (rows) {
            form.querySelectorAll('[data-remove-row], [data-add-row]').forEach(function (button) {
                button.hidden = false;
            });
            form.querySelectorAll('[data-no-js-add-rows]').forEach(function (button) {
                button.hidden = true;
            });
            form.querySelector('[data-add-row]').addEventListener('click', addRow);
            rows.addEventListener('click', function (event) {
                var button = event.target.closest('[data-remove-row]');
                if (!button) {
                    return;
                }
                var row = button.closest('[data-row]');
                if (rows.querySelectorAll('[data-row]').length > 1) {
                    row.remove();
                } else {
                    row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
                }
                renumber();
                schedule();
            });
            renumber();
        }

        form.querySelectorAll('[data-no-js-preview]').forEach(function (button) {
            button.hidden = true;
        });
        form.addEventListener('input', schedule);
        form.addEventListener('change', schedule);
    }

    document.querySelectorAll('form[data-briefing-editor]').forEach(init);
})();
