/* Đọc tiếp: remembers, in this browser only, how far a long material was read and offers
   to continue from there. Nothing is sent to the server, so the page stays the same for
   everyone (and cacheable). */
(function () {
  "use strict";
  var box = document.querySelector("[data-continue]");
  if (!box || !window.localStorage) { return; }
  var key = "stdv-read-position:" + location.pathname;
  var button = box.querySelector("button");

  function height() { return Math.max(document.documentElement.scrollHeight - window.innerHeight, 1); }

  var saved = parseFloat(localStorage.getItem(key) || "0");
  if (saved > 0.1 && saved < 0.95 && window.scrollY < 50) {
    box.hidden = false;
    button.addEventListener("click", function () {
      window.scrollTo(0, saved * height());
      box.hidden = true;
      var main = document.getElementById("main");
      if (main) { main.focus({preventScroll: true}); }
    });
  }

  var pending = false;
  window.addEventListener("scroll", function () {
    // Reading on from the top by oneself: the offer is no longer wanted.
    if (!box.hidden && window.scrollY > 200) { box.hidden = true; }
    if (pending) { return; }
    pending = true;
    window.setTimeout(function () {
      pending = false;
      var share = window.scrollY / height();
      try {
        if (share >= 0.95) { localStorage.removeItem(key); } else if (share > 0.1) { localStorage.setItem(key, share.toFixed(3)); }
      } catch (e) { /* private browsing: nothing to remember */ }
    }, 500);
  }, {passive: true});
})();
