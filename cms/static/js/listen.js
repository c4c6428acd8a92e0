// "Nghe đọc": the page read aloud by the browser's own Vietnamese voice (no server,
// works offline). Reads the parts marked data-listen inside [data-listen-root], in
// order (title, lead, body), one sentence at a time, the sentence being read
// highlighted. Shown only where the device has a voice in the page's language
// (Vietnamese; English on the English site).
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var player = document.querySelector("[data-listen-player]");
  var root = document.querySelector("[data-listen-root]");
  if (!synth || !window.SpeechSynthesisUtterance || !player || !root) return;

  var BLOCKS = "h1, h2, h3, h4, p, li, blockquote, figcaption, dt, dd, td, th";
  var playButton = player.querySelector(".listen-play");
  var label = player.querySelector(".listen-label");
  var more = player.querySelector("[data-listen-more]");
  var rate = player.querySelector(".listen-rate");
  var stopButton = player.querySelector(".listen-stop");
  var highlights = window.CSS && CSS.highlights && window.Highlight ? CSS.highlights : null;
  var voice = null;
  // The page's own language: Vietnamese, or English under /en/ (never English read in Vietnamese).
  var language = (document.documentElement.lang || "vi").slice(0, 2).toLowerCase();
  var languagePattern = new RegExp("^" + language + "([-_]|$)", "i");
  var sentences = null;
  var index = 0;
  var state = "idle"; // idle | playing | paused
  var generation = 0; // utterances of a cancelled run are ignored

  function pageVoice() {
    var voices = synth.getVoices() || [];
    var own = voices.filter(function (v) { return languagePattern.test(v.lang || ""); });
    return own.filter(function (v) { return v.localService; })[0] || own[0] || null;
  }

  function offerIfVoice() {
    voice = pageVoice();
    player.hidden = !voice;
  }

  // Text nodes of each block, split into sentences, each with a Range over the page.
  function collect() {
    var list = [];
    var blocks = [];
    root.querySelectorAll("[data-listen]").forEach(function (part) {
      var found = part.matches(BLOCKS) ? [part] : Array.prototype.slice.call(part.querySelectorAll(BLOCKS));
      found.forEach(function (el) {
        if (!el.closest("details:not([open]), [data-listen-skip]")) blocks.push(el);
      });
    });
    // A paragraph inside a list item is read with the item, once.
    blocks = blocks.filter(function (el) {
      return !blocks.some(function (other) { return other !== el && other.contains(el); });
    });
    blocks.forEach(function (block) {
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      var nodes = [];
      var text = "";
      var node;
      while ((node = walker.nextNode())) {
        nodes.push({ node: node, start: text.length });
        text += node.nodeValue;
      }
      var pattern = /[^.!?…]+(?:[.!?…]+["”’)]*|$)/g;
      var match;
      while ((match = pattern.exec(text))) {
        var sentence = match[0].replace(/\s+/g, " ").trim();
        if (!sentence) continue;
        var start = match.index + (match[0].length - match[0].replace(/^\s+/, "").length);
        var end = match.index + match[0].replace(/\s+$/, "").length;
        list.push({ text: sentence, block: block, range: rangeFor(nodes, start, end) });
      }
    });
    return list;
  }

  function rangeFor(nodes, start, end) {
    var range = document.createRange();
    function place(offset, setter) {
      for (var i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i].start <= offset) {
          setter.call(range, nodes[i].node, Math.min(offset - nodes[i].start, nodes[i].node.nodeValue.length));
          return;
        }
      }
    }
    try {
      place(start, range.setStart);
      place(end, range.setEnd);
    } catch (e) {
      return null;
    }
    return range;
  }

  function clearHighlight() {
    if (highlights) highlights.delete("listen-sentence");
    root.querySelectorAll(".is-reading").forEach(function (el) { el.classList.remove("is-reading"); });
  }

  function highlight(item) {
    clearHighlight();
    if (highlights && item.range) {
      highlights.set("listen-sentence", new Highlight(item.range));
    } else {
      item.block.classList.add("is-reading");
    }
    var box = (item.range || item.block).getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight - 80) {
      window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: "smooth" });
    }
  }

  function show() {
    var key = state === "playing" ? "pause" : state === "paused" ? "resume" : "play";
    label.textContent = player.getAttribute("data-label-" + key);
    more.hidden = state === "idle";
    player.classList.toggle("is-active", state !== "idle");
  }

  function speak() {
    if (!sentences || index >= sentences.length) { stop(); return; }
    var run = generation;
    var item = sentences[index];
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = voice ? voice.lang : language;
    if (voice) utterance.voice = voice;
    utterance.rate = parseFloat(rate.value) || 1;
    utterance.onstart = function () { if (run === generation) highlight(item); };
    utterance.onend = function () {
      if (run !== generation || state !== "playing") return;
      index += 1;
      speak();
    };
    utterance.onerror = utterance.onend;
    synth.speak(utterance);
  }

  // Pausing cancels and resuming starts the sentence again: pause()/resume() are
  // unreliable on phones (Chrome on Android treats pause as cancel).
  function restart() {
    generation += 1;
    synth.cancel();
    speak();
  }

  function stop() {
    generation += 1;
    synth.cancel();
    state = "idle";
    index = 0;
    sentences = null;
    clearHighlight();
    show();
  }

  playButton.addEventListener("click", function () {
    if (state === "playing") {
      generation += 1;
      synth.cancel();
      state = "paused";
    } else {
      if (!sentences) { sentences = collect(); index = 0; }
      state = "playing";
      restart();
    }
    show();
  });
  stopButton.addEventListener("click", stop);
  rate.addEventListener("change", function () { if (state === "playing") restart(); });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  offerIfVoice();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", offerIfVoice);
  }
})();
