"""What a page must pass in the browser, for every reader (used by the journey tests).

Each check runs in the page (Playwright's ``evaluate``, which the page's CSP
does not restrict) and returns what failed, so an assertion shows the culprits.
"""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tools" / "web" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "artifacts" / "screenshots" / "reading"
PHONE = {"width": 360, "height": 740}
# 200% browser zoom on that phone: half the CSS pixels.
PHONE_ZOOMED = {"width": 180, "height": 370}


def axe_source():
    """axe-core from the npm registry (scripts/web_tools.sh installs it when missing)."""
    if not AXE.exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "web_tools.sh")], check=True, timeout=600)
    return AXE.read_text()


# Layout shifts since the page started, as Lighthouse counts them (not after input).
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__cls += e.value; });
}).observe({type: "layout-shift", buffered: true});
"""

# The browser's speech synthesis replaced by a recorder with one Vietnamese voice
# (Debian's chromium has no voice at all): what would be said, in which language.
SPEECH_STUB = """
(function () {
  var voices = [{name: "Tiếng Việt", lang: "vi-VN", localService: true, voiceURI: "vi", default: true}];
  var timers = [];
  window.__spoken = [];
  function Utterance(text) { this.text = text; this.lang = ""; this.rate = 1; this.voice = null; }
  var synth = {
    speaking: false, paused: false, pending: false,
    getVoices: function () { return window.__noVietnamese ? [{name: "English", lang: "en-US", localService: true}] : voices; },
    addEventListener: function () {},
    speak: function (u) {
      window.__spoken.push({text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.lang});
      timers.push(setTimeout(function () { u.onstart && u.onstart(); }, 0));
      timers.push(setTimeout(function () { u.onend && u.onend(); }, 400));
    },
    cancel: function () { timers.forEach(clearTimeout); timers = []; },
    pause: function () {}, resume: function () {}
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
})();
"""


def run_axe(page):
    """axe-core's violations on the page, as ``[(rule, impact, [targets])]``."""
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]
    ]


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def content_top(page):
    """Where the page's own content starts (its first heading or paragraph)."""
    return page.evaluate(
        """() => {
            const el = Array.from(document.querySelectorAll('main h1, main p, main section, main article'))
                .find(e => e.getClientRects().length);
            return el ? el.getBoundingClientRect().top + window.scrollY : 0;
        }"""
    )


def broken_words(page):
    """Words split over two lines (a word with a hyphen or slash may wrap there)."""
    return page.evaluate(
        """() => {
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const el = node.parentElement;
                if (!el || !el.getClientRects().length || el.closest('script, style')) continue;
                const re = /\\S+/g;
                let m;
                while ((m = re.exec(node.nodeValue))) {
                    const word = m[0];
                    if (word.length < 2 || /[-\\/–—.:?=&_]/.test(word)) continue;
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + word.length);
                    const tops = new Set(Array.from(range.getClientRects())
                        .filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (tops.size > 1) found.push(word);
                }
            }
            return found;
        }"""
    )


FOCUS_RING = """
() => {
  function lum(c) {
    const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => x / 255)
      .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function alpha(c) { const p = c.match(/[\\d.]+/g); return p.length > 3 ? Number(p[3]) : 1; }
  function behind(el) {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (alpha(bg) > 0.5) return bg;
    }
    return 'rgb(255, 255, 255)';
  }
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth);
  const a = lum(s.outlineColor), b = lum(behind(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30),
          style: s.outlineStyle, width: width, ratio: Math.round(ratio * 100) / 100,
          visible: el.getClientRects().length > 0};
}
"""


def weak_focus_rings(page, presses=40):
    """Focusable elements reached with Tab whose ring is missing, thin or under 3:1."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    weak = []
    seen = 0
    for _ in range(presses):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring is None or not ring["visible"]:
            continue
        seen += 1
        if ring["style"] == "none" or ring["width"] < 2 or ring["ratio"] < 3:
            weak.append(ring)
    assert seen, "nothing took the focus"
    return weak


def spoken(page):
    return page.evaluate("window.__spoken")


def report(name, data):
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))
