// Live updates of the sharing pages, from the server-sent events of /sharing/live (no inline script: CSP).
// A topic page ([data-live-topic]) adds new messages and replaces changed ones by id. A channel page
// ([data-live-channel]) and the sharing home ([data-live-all]) count a pushed message with a higher number than a row's
// newest (data-last-seq) as one more unread on that row, in place; only a message for a row the page does not show (a
// new topic) makes them reload their [data-live-refresh] parts. Each page passes the change it was read at
// (data-live-after), so what changed in between is replayed. Without JavaScript, or without EventSource, the pages work
// as before: post, redirect, reload.
(function () {
    "use strict";
    if (!window.EventSource || !window.fetch) {
        return;
    }

    var topicList = document.querySelector("[data-live-topic]");
    var channelPart = document.querySelector("[data-live-channel]");
    var allPart = document.querySelector("[data-live-all]");
    var query = new URLSearchParams();
    if (topicList) {
        query.set("topic", topicList.getAttribute("data-live-topic"));
        if (topicList.getAttribute("data-live-after")) {
            query.set("after", topicList.getAttribute("data-live-after"));
        }
    } else if (channelPart) {
        query.set("channel", channelPart.getAttribute("data-live-channel"));
    } else if (!allPart) {
        return;
    }

    var listPart = channelPart || allPart;
    if (listPart && listPart.getAttribute("data-live-after")) {
        query.set("after", listPart.getAttribute("data-live-after"));
    }

    // Polite: a screen reader finishes what it is reading before it says that something new arrived.
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("data-testid", "live-status");
    document.body.appendChild(status);

    function announce(text) {
        status.textContent = text;
    }

    function parseOne(html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        return template.content.firstElementChild;
    }

    function fetchPage() {
        // Marked as the page's own request: it must not keep an unattended session alive.
        return fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html", "X-Background-Request": "live" } })
            .then(function (response) {
                return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
            })
            .then(function (html) {
                return new DOMParser().parseFromString(html, "text/html");
            });
    }

    function findMessage(root, id) {
        return root.querySelector("[data-message=\"" + id + "\"]");
    }

    // A pushed message is rendered for no one in particular: its "seen it too" button has neither this reader's mark
    // nor their antiforgery token. The page keeps the button it has, or gives a new one the token of its own forms.
    function ownSeenForm(element, existing) {
        var pushed = element.querySelector("[data-seen-form]");
        if (!pushed) {
            return;
        }

        var kept = existing && existing.querySelector("[data-seen-form]");
        if (kept) {
            pushed.replaceWith(kept);
            return;
        }

        var token = document.querySelector("input[name=__RequestVerificationToken]");
        if (token && !pushed.querySelector("input[name=__RequestVerificationToken]")) {
            pushed.appendChild(token.cloneNode(false));
        }
    }

    function place(element, id) {
        var existing = findMessage(topicList, id);
        ownSeenForm(element, existing);
        if (existing) {
            existing.replaceWith(element);
        } else {
            // The list is a polite log (role="log"): a screen reader reads the new message itself, with its author.
            topicList.appendChild(element);
        }
    }

    // The member's own message comes from the page itself, with the edit and delete buttons only they get.
    function placeOwn(id) {
        fetchPage().then(function (page) {
            var own = findMessage(page, id);
            if (own) {
                place(document.importNode(own, true), id);
            }
        }).catch(function () { });
    }

    var refreshTimer = null;
    function refreshParts() {
        if (refreshTimer) {
            return;
        }

        refreshTimer = window.setTimeout(function () {
            refreshTimer = null;
            fetchPage().then(function (page) {
                document.querySelectorAll("[data-live-refresh]").forEach(function (part) {
                    var fresh = page.querySelector("[data-live-refresh=\"" + part.getAttribute("data-live-refresh") + "\"]");
                    if (fresh) {
                        part.replaceChildren.apply(part, Array.prototype.map.call(fresh.childNodes, function (node) {
                            return document.importNode(node, true);
                        }));
                    }
                });
                announce("New activity: unread counts updated.");
            }).catch(function () { });
        }, 750);
    }

    var utcTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
    function activityText(count, at) {
        var parts = {};
        utcTime.formatToParts(at).forEach(function (part) {
            parts[part.type] = part.value;
        });
        return count + (count === 1 ? " message" : " messages") + " · last " + parts.day + " " + parts.month + " " + parts.year + ", " + parts.hour + ":" + parts.minute + " UTC";
    }

    // Counts a pushed message on the row it belongs to; false when the page shows no such row (a new topic).
    function countOnRow(data) {
        var row = channelPart
            ? channelPart.querySelector("[data-topic=\"" + data.topic + "\"]")
            : allPart.querySelector("[data-channel-id=\"" + data.channel + "\"]");
        if (!row) {
            return Boolean(allPart);
        }

        if (data.seq <= Number(row.getAttribute("data-last-seq") || "0")) {
            return true;
        }

        row.setAttribute("data-last-seq", String(data.seq));
        var activity = row.querySelector("[data-testid=topic-activity]");
        if (activity) {
            var count = Number(activity.getAttribute("data-count") || "0") + 1;
            activity.setAttribute("data-count", String(count));
            activity.textContent = activityText(count, new Date());
        }

        if (channelPart && row.parentNode.firstElementChild !== row) {
            row.parentNode.prepend(row);
        }

        if (data.mine || row.getAttribute("data-muted") === "true") {
            return true;
        }

        var link = row.querySelector("a");
        var testId = channelPart ? "topic-unread" : "channel-unread";
        var badge = row.querySelector("[data-testid=" + testId + "]");
        if (!badge) {
            badge = document.createElement("span");
            badge.className = "badge text-bg-primary";
            badge.setAttribute("data-testid", testId);
            badge.textContent = "0";
            if (channelPart) {
                link.insertAdjacentElement("afterend", badge);
            } else {
                row.appendChild(badge);
            }
        }

        var unread = Number(badge.textContent) + 1;
        badge.textContent = String(unread);
        badge.setAttribute("aria-label", unread + " unread");
        link.classList.add("fw-semibold");
        announce("New message in " + link.textContent + ".");
        return true;
    }

    var source = new EventSource("/sharing/live" + (query.toString() ? "?" + query.toString() : ""));
    source.addEventListener("message", function (event) {
        var data = JSON.parse(event.data);
        if (!topicList) {
            if (!countOnRow(data)) {
                refreshParts();
            }
        } else if (data.topic === topicList.getAttribute("data-live-topic")) {
            if (data.mine) {
                placeOwn(data.message);
            } else {
                place(parseOne(data.html), data.message);
            }
        }
    });
    source.addEventListener("reload", function () {
        source.close();
        window.location.reload();
    });
    window.addEventListener("pagehide", function () {
        source.close();
    });
})();
