// Small progressive enhancements; the site works without JavaScript.
// The text size and contrast live in cookies (names shared with cms/pwa/reading.py):
// the server draws each page at the chosen size, this script only changes it.
(function () {
  "use strict";
  var TEXT_SIZE_COOKIE = "stdv_text_size";
  var CONTRAST_COOKIE = "stdv_contrast";
  var SIZES = [100, 125, 150, 175, 200];
  var PAGES_CACHE = "stdv-pages"; // same name as in js/sw.js
  var root = document.documentElement;
  root.classList.add("js");

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function writeCookie(name, value) {
    var secure = location.protocol === "https:" ? "; Secure" : "";
    var age = value ? 31536000 : 0;
    document.cookie = name + "=" + value + "; path=/; max-age=" + age + "; SameSite=Lax" + secure;
  }

  function currentSize() {
    var size = parseInt(readCookie(TEXT_SIZE_COOKIE), 10);
    return SIZES.indexOf(size) >= 0 ? size : 100;
  }

  function applyPrefs() {
    var size = currentSize();
    SIZES.forEach(function (s) { root.classList.toggle("text-" + s, s === size && s !== 100); });
    var high = readCookie(CONTRAST_COOKIE) === "high";
    root.classList.toggle("contrast-high", high);
    var value = document.querySelector("[data-text-size-value]");
    if (value) value.textContent = size + "%";
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      var action = button.getAttribute("data-text-size");
      button.disabled = (action === "smaller" && size === SIZES[0]) ||
        (action === "larger" && size === SIZES[SIZES.length - 1]);
    });
    var contrast = document.querySelector(".contrast-toggle");
    if (contrast) contrast.setAttribute("aria-pressed", high ? "true" : "false");
  }

  function setupDisplay() {
    var toggle = document.querySelector(".display-toggle");
    var panel = document.getElementById("display-panel");
    if (!toggle || !panel) return;
    toggle.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size]");
      if (button) {
        var index = SIZES.indexOf(currentSize());
        var action = button.getAttribute("data-text-size");
        if (action === "smaller") index = Math.max(0, index - 1);
        else if (action === "larger") index = Math.min(SIZES.length - 1, index + 1);
        else index = 0;
        writeCookie(TEXT_SIZE_COOKIE, SIZES[index] === 100 ? "" : String(SIZES[index]));
        applyPrefs();
        return;
      }
      if (event.target.closest(".contrast-toggle")) {
        writeCookie(CONTRAST_COOKIE, readCookie(CONTRAST_COOKIE) === "high" ? "" : "high");
        applyPrefs();
      }
    });
  }

  function setupMenu() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("main-nav");
    var header = document.querySelector("[data-site-header]");
    if (!toggle || !nav) return;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      if (header) header.classList.toggle("menu-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function setupConnectionNotice() {
    var notice = document.querySelector("[data-offline-notice]");
    if (!notice) return;
    function update() { notice.hidden = navigator.onLine !== false; }
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    update();
  }

  function registerWorker() {
    var url = document.body.getAttribute("data-worker");
    if (!url || !("serviceWorker" in navigator)) return;
    // After the page has loaded, so the worker never competes with what is on screen.
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(url, { scope: "/" }).catch(function () {});
    });
  }

  // "Tải về để đọc khi không có mạng": the worker fetches and keeps the listed pages.
  function setupSaveButton() {
    var button = document.querySelector("[data-offline-save]");
    if (!button) return;
    var status = button.parentNode.querySelector("[data-offline-save-status]");
    function say(key) { if (status) status.textContent = button.getAttribute("data-msg-" + key); }
    button.addEventListener("click", function () {
      if (!("serviceWorker" in navigator) || !window.MessageChannel) { say("unsupported"); return; }
      var urls = button.getAttribute("data-offline-save").split(/\s+/).filter(Boolean);
      button.disabled = true;
      say("working");
      var timer;
      var reply = new Promise(function (resolve, reject) {
        timer = setTimeout(reject, 120000);
        navigator.serviceWorker.register(document.body.getAttribute("data-worker"), { scope: "/" })
          .then(function () { return navigator.serviceWorker.ready; })
          .then(function (registration) {
            var channel = new MessageChannel();
            channel.port1.onmessage = function (event) { resolve(event.data); };
            registration.active.postMessage({ type: "save", urls: urls }, [channel.port2]);
          }, reject);
      });
      reply.then(function (result) {
        say(result && result.saved === urls.length ? "done" : "failed");
      }, function () { say("failed"); }).then(function () {
        clearTimeout(timer);
        button.disabled = false;
      });
    });
  }

  // The offline page lists what the worker kept, straight from its cache.
  function fillOfflineList() {
    var list = document.querySelector("[data-offline-list]");
    if (!list) return;
    var wanted = document.querySelector("[data-offline-wanted]");
    var offlinePath = document.body.getAttribute("data-offline-page");
    if (wanted && location.pathname !== offlinePath) {
      wanted.querySelector("[data-offline-wanted-url]").textContent = location.pathname;
      wanted.hidden = false;
    }
    if (!window.caches) return;
    caches.open(PAGES_CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          return cache.match(request, { ignoreVary: true }).then(function (response) {
            var title = response && response.headers.get("X-Offline-Title");
            if (!title) return null;
            return {
              url: request.url,
              title: decodeURIComponent(title),
              kind: decodeURIComponent(response.headers.get("X-Offline-Kind") || ""),
              at: parseInt(response.headers.get("X-Stored-At") || "0", 10)
            };
          });
        }));
      });
    }).then(function (items) {
      items = items.filter(Boolean).sort(function (a, b) { return b.at - a.at; });
      items.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.title;
        li.appendChild(link);
        if (item.kind) {
          var kind = document.createElement("span");
          kind.className = "offline-kind";
          kind.textContent = " · " + item.kind;
          li.appendChild(kind);
        }
        list.appendChild(li);
      });
      var empty = document.querySelector("[data-offline-empty]");
      if (empty) empty.hidden = items.length > 0;
    }).catch(function () {});
  }

  document.addEventListener("DOMContentLoaded", function () {
    applyPrefs(); // a page kept offline may have been drawn with older choices
    setupDisplay();
    setupMenu();
    setupConnectionNotice();
    setupSaveButton();
    fillOfflineList();
  });
  registerWorker();
})();
