// Service worker: the site's shell from the first visit on, and the pages a reader
// opened (articles, documents, bulletins, cell materials, resolutions, with their
// PDFs within a budget) readable without a connection.
// Served by cms/pwa/views.py with self.STDV_CONFIG in front; what may be kept and
// for whom is decided by the server's headers (cms/pwa/offline.py):
//   X-Offline: keep   the page may be kept (never set on meetings, search, login…)
//   X-Reader          who is reading (a keyed hash, or "anon"): when it changes,
//                     everything kept for the previous reader is deleted.
"use strict";

var CONFIG = self.STDV_CONFIG;
var SHELL = "stdv-shell-" + CONFIG.version;
var STATIC = "stdv-static-" + CONFIG.version;
var PAGES = "stdv-pages"; // same name as in js/site.js
var READER_KEY = "/__stdv-reader__";
var LIMITS = {
  entries: 300,                   // pages, files and pictures kept
  fileBytes: 10 * 1024 * 1024,    // a larger PDF is read online only
  totalBytes: 80 * 1024 * 1024    // oldest first out beyond this
};
var NETWORK_WAIT_MS = 6000; // on a weak connection, show the kept copy after this
var FILE_PATHS = /^\/(documents|images|media\/images)\//;
var FILE_TYPES = /^(application\/pdf|image\/)/;
var NEVER = /^\/(admin|django-admin)\//;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      // Without cookies: the shell (and the offline page) never holds anyone's data.
      var urls = CONFIG.shell.concat([CONFIG.offlinePage]);
      return cache.addAll(urls.map(function (url) {
        return new Request(url, { credentials: "omit" });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return /^stdv-(shell|static)-/.test(name) && name !== SHELL && name !== STATIC;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// One change of reader at a time.
var readerQueue = Promise.resolve();

function checkReader(reader) {
  if (!reader) return Promise.resolve();
  readerQueue = readerQueue.then(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(READER_KEY).then(function (stored) {
        return stored ? stored.text() : null;
      }).then(function (previous) {
        if (previous === reader) return;
        var cleared = previous === null ? Promise.resolve() : caches.delete(PAGES);
        return cleared.then(function () { return caches.open(PAGES); }).then(function (fresh) {
          return fresh.put(READER_KEY, new Response(reader));
        });
      });
    });
  }).catch(function () {});
  return readerQueue;
}

// Members-only pages and files say "no-store" to the browser's HTTP cache (the back
// button after logout); this cache is the reader's own and is emptied at logout, so the
// server's X-Offline (pages) and the file paths decide here.
function keepable(url, response) {
  if (!response || !response.ok || response.type === "opaqueredirect") return false;
  if (response.headers.get("X-Offline") === "keep") return true;
  return FILE_PATHS.test(url.pathname) && FILE_TYPES.test(response.headers.get("Content-Type") || "");
}

function entries(cache) {
  return cache.keys().then(function (requests) {
    return Promise.all(requests.filter(function (request) {
      return new URL(request.url).pathname !== READER_KEY;
    }).map(function (request) {
      return cache.match(request, { ignoreVary: true }).then(function (response) {
        return {
          request: request,
          at: parseInt(response.headers.get("X-Stored-At") || "0", 10),
          size: parseInt(response.headers.get("X-Stored-Size") || "0", 10)
        };
      });
    }));
  });
}

function trim(cache) {
  return entries(cache).then(function (list) {
    list.sort(function (a, b) { return a.at - b.at; });
    var total = list.reduce(function (sum, item) { return sum + item.size; }, 0);
    var deletions = [];
    while (list.length && (list.length > LIMITS.entries || total > LIMITS.totalBytes)) {
      var oldest = list.shift();
      total -= oldest.size;
      deletions.push(cache.delete(oldest.request));
    }
    return Promise.all(deletions);
  });
}

// Keeps a copy of the response if the server allows it; resolves to true when kept.
function remember(url, response) {
  return checkReader(response.headers.get("X-Reader")).then(function () {
    if (!keepable(url, response)) return false;
    return response.blob().then(function (body) {
      if (body.size > LIMITS.fileBytes) return false;
      var headers = new Headers(response.headers);
      headers.set("X-Stored-At", String(Date.now()));
      headers.set("X-Stored-Size", String(body.size));
      var copy = new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
      return caches.open(PAGES).then(function (cache) {
        url.hash = "";
        return cache.put(url.href, copy).then(function () { return trim(cache); });
      }).then(function () { return true; });
    });
  }).catch(function () { return false; });
}

function keptCopy(url) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(url.href, { ignoreVary: true, ignoreSearch: false });
  });
}

function offlinePage() {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(CONFIG.offlinePage, { ignoreVary: true });
  }).then(function (response) {
    return response || new Response("", { status: 503, statusText: "Offline" });
  });
}

// Network first; the kept copy when the network fails or is too slow; else the offline page.
function networkFirst(event, url, fallback) {
  var network = fetch(event.request);
  var kept = keptCopy(url);
  event.waitUntil(network.then(function (response) {
    return remember(new URL(url.href), response.clone());
  }, function () {}));
  return new Promise(function (resolve) {
    var settled = false;
    function finish(response) {
      if (!settled && response) { settled = true; resolve(response); }
    }
    var timer = setTimeout(function () { kept.then(finish); }, NETWORK_WAIT_MS);
    network.then(function (response) {
      clearTimeout(timer);
      finish(response);
    }, function () {
      clearTimeout(timer);
      kept.then(function (copy) { return copy || fallback(); }).then(finish);
    });
  });
}

function staticFile(request) {
  return caches.match(request, { ignoreVary: true }).then(function (cached) {
    if (cached) return cached;
    return fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(STATIC).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return; // forms (votes, check-in, logout) go straight out
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (url.pathname === "/sw.js") return;
  if (url.pathname.indexOf(CONFIG.staticPrefix) === 0) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, url, offlinePage));
  } else if (FILE_PATHS.test(url.pathname)) {
    event.respondWith(networkFirst(event, url, function () { return Response.error(); }));
  }
  // Everything else (search suggestions, live meeting figures…) is left to the network.
});

// "Tải về để đọc khi không có mạng": fetch and keep a list of pages in one go.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "save" || !Array.isArray(data.urls) || !port) return;
  var urls = data.urls.map(function (href) { return new URL(href, self.location.origin); })
    .filter(function (url) { return url.origin === self.location.origin && !NEVER.test(url.pathname); });
  event.waitUntil(Promise.all(urls.map(function (url) {
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      return remember(url, response);
    }, function () { return false; });
  })).then(function (results) {
    var saved = results.filter(Boolean).length;
    port.postMessage({ saved: saved, failed: results.length - saved });
  }));
});
