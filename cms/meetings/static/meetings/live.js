// Live counters on the meeting page: polls a small JSON endpoint.
// The browser revalidates with the ETag, so an unchanged meeting costs a 304.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-url]");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-live-url");
  // A signed address (?e=…&s=…) grants the poll by itself: no cookie needs to go.
  var credentials = /[?&]s=/.test(url) ? "omit" : "same-origin";
  var base = parseInt(root.getAttribute("data-live-interval"), 10) || 10;
  var delay = base;
  var shape = root.getAttribute("data-live-shape");
  var version = null;

  function pick(data, path) {
    var parts = path.split(".");
    var value = data;
    for (var i = 0; i < parts.length && value != null; i++) {
      if (parts[0] === "motion" && i === 0) {
        var id = parseInt(parts[1], 10);
        value = (data.motions || []).filter(function (m) { return m.id === id; })[0];
        i = 1;
        continue;
      }
      value = value[parts[i]];
    }
    return value;
  }

  function render(data) {
    if (data.version === version) { return; }
    version = data.version;
    root.querySelectorAll("[data-live]").forEach(function (el) {
      var value = pick(data, el.getAttribute("data-live"));
      if (value != null) { el.textContent = String(value); }
    });
    var quorum = root.querySelector("[data-live-quorum]");
    if (quorum && data.attendance) {
      var met = data.attendance.quorum_met;
      quorum.textContent = quorum.getAttribute(met ? "data-met" : "data-not-met");
      quorum.className = met ? "ok" : "warn";
    }
    if (shape !== data.shape) {
      var notice = root.querySelector("[data-live-notice]");
      if (notice) { notice.hidden = false; }
    }
  }

  function schedule() { window.setTimeout(poll, delay * 1000); }

  function poll() {
    if (document.hidden) { schedule(); return; }
    fetch(url, { credentials: credentials, headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { delay = base; render(data); schedule(); })
      .catch(function () { delay = Math.min(delay * 2, 60); schedule(); });
  }

  poll();
})();
