"""The Wagtail admin as an editor sees it in Chromium: no English left (issue 9).

Each screen's visible text (``inner_text`` of the body, the tab title and the
attribute texts a person sees or hears: placeholder, aria-label, title, alt,
button values) is split into words. A word is flagged when it is an English
word of the admin's interface, i.e. it occurs in a msgid of the installed
Wagtail / wagtail-localize English catalogues, unless it is also an ordinary
Vietnamese syllable (``con``, ``tin``, ``ban``…) or a name/code on the small
allow-list below.

Page types are discovered from ``get_page_models()`` restricted to our apps, so
page types added later are covered without touching this test.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import reverse

import polib
import pytest

from cms.home import i18n_coverage
from tests.account_gates import second_factor_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "i18n"
PASSWORD = "Demo@2026"
OUR_APPS = ("cms.", "editorial_workflows")

# Words of English msgids that stay as they are in Vietnamese administrative
# text: names, codes and loanwords.
ALLOWED = {
    "wagtail",  # the CMS's name (e.g. "Wagtail 8.0" in the help menu)
    "url",  # written as URL in Vietnamese too ("Địa chỉ URL")
    "html",  # a format
    "email",  # "email" is the everyday Vietnamese word
    "slug",  # Wagtail's technical field name, kept in "Đường dẫn (slug)"
    "web",  # "trang web" is everyday Vietnamese
    "menu",  # the loanword Vietnamese software uses ("mục mới trong menu")
    "utc",  # time-zone code
}
# Lines are "<tag attribute> text", "[title] text" or plain body text.
SOURCE_PREFIX = re.compile(r"^(<[a-z0-9]+ [a-z-]+> ?|\[title\] )?(.*)$", re.DOTALL)
# Time-zone choices on the account page: an IANA code ("America/New_York") and
# the zone's name as the browser's ICU spells it, not the admin's catalogue.
TIME_ZONE_OPTION = re.compile(r"^[\w+\-/]+: [\w+\-:]+ \(")

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ASCII_WORD = re.compile(r"^[a-z]+$")
PLACEHOLDERS = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[\w.]*\}|</?[a-zA-Z][^<>]*>|&\w+;")
# An unaccented Vietnamese syllable: onset, vowel nucleus, coda.
VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(oai|oay|uoi|uou|uya|uye|uyu|ieu|yeu|"
    r"ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uo|uy|ye|[aeiouy])"
    r"(ng|nh|ch|[cmnpt])?$"
)


def _words(text):
    return {w.lower() for w in WORD.findall(text)}


def _vietnamese_ascii_words():
    """Unaccented syllables that our Vietnamese translations actually use."""
    words = set()
    lc = i18n_coverage.PROJECT_LOCALE_DIR / "vi" / "LC_MESSAGES"
    for domain in i18n_coverage.DOMAINS:
        for entry in polib.pofile(str(lc / f"{domain}.po")):
            texts = [entry.msgstr, *entry.msgstr_plural.values()]
            for text in texts:
                words |= {w for w in _words(PLACEHOLDERS.sub(" ", text)) if VI_SYLLABLE.match(w)}
    return words


def _vietnamese_names():
    """Unaccented syllables of our organisations' place names ("Long Khánh")."""
    from cms.members.models import PartyOrganization

    words = set()
    for name in PartyOrganization.objects.values_list("name", flat=True):
        words |= {w for w in _words(name) if VI_SYLLABLE.match(w)}
    return words


def _foreign_page_titles():
    """Titles of the pages' translations (e.g. the English site): content, not interface."""
    from django.conf import settings

    from wagtail.models import Page

    return set(
        Page.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "title", flat=True
        )
    )


def english_interface_words():
    english = set()
    for _ctx, msgid in i18n_coverage.english_msgids():
        english |= {
            w for w in _words(PLACEHOLDERS.sub(" ", msgid)) if len(w) >= 3 and ASCII_WORD.match(w)
        }
    return english - _vietnamese_ascii_words() - ALLOWED


def visible_english(english):
    """The admin's English words, less names and content of the demo in the database."""
    return english - _vietnamese_names(), _foreign_page_titles()


VISIBLE_TEXT_JS = """
() => {
  const out = ['[title] ' + document.title, ...document.body.innerText.split('\\n')];
  const shown = (el) => !el.closest('[aria-hidden="true"], template')
      && (el.checkVisibility ? el.checkVisibility() : true);
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
    if (!shown(el)) continue;
    for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
      if (el.hasAttribute(a)) out.push(`<${el.tagName.toLowerCase()} ${a}> ${el.getAttribute(a)}`);
    }
  }
  for (const el of document.querySelectorAll(
      'input[type=submit], input[type=button], input[type=reset]')) {
    if (shown(el)) out.push(`<input value> ${el.value}`);
  }
  return out.join('\\n');
}
"""


def english_on(page, checks):
    """``{word: line}`` of the English words visible on the page."""
    english, titles = checks
    text = page.evaluate(VISIBLE_TEXT_JS)
    for title in sorted(titles, key=len, reverse=True):
        text = text.replace(title, " ")
    found = {}
    for line in text.splitlines():
        source, content = SOURCE_PREFIX.match(line.strip()).groups()
        if TIME_ZONE_OPTION.match(content):
            continue
        for w in _words(content):
            if len(w) >= 3 and w in english:
                found.setdefault(w, line.strip()[:120])
    return found


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def our_page_models():
    from wagtail.models import get_page_models

    return [
        m
        for m in get_page_models()
        if apps.get_app_config(m._meta.app_label).name.startswith(OUR_APPS) and m.is_creatable
    ]


def admin_screens():
    """(name, url) of every screen to check, beyond login."""
    from wagtail.models import Page, Site, Workflow

    screens = [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer-root", reverse("wagtailadmin_explore_root")),
    ]
    home = Site.objects.get(is_default_site=True).root_page
    screens.append(("explorer-home", reverse("wagtailadmin_explore", args=[home.pk])))
    for model in our_page_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        existing = model.objects.order_by("path").first()
        assert existing is not None, f"the demo has no {label} to edit"
        screens.append((f"edit-{label}", reverse("wagtailadmin_pages:edit", args=[existing.pk])))
        parents = Page.objects.type(*model.allowed_parent_page_models()).order_by("path")
        parent = next((p for p in parents.specific() if model.can_create_at(p)), None)
        if parent is None:  # e.g. the home page (one per parent): no create view exists
            assert model.max_count or model.max_count_per_parent, f"no parent for a new {label}"
            continue
        screens.append(
            (
                f"create-{label}",
                reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, parent.pk],
                ),
            )
        )
    screens += [
        ("documents", reverse("wagtaildocs:index")),
        ("images", reverse("wagtailimages:index")),
        ("account", reverse("wagtailadmin_account")),
    ]
    workflow_screens = [
        ("workflows", reverse("wagtailadmin_workflows:index")),
        ("workflow-tasks", reverse("wagtailadmin_workflows:task_index")),
    ]
    workflow = Workflow.objects.order_by("pk").first()
    if workflow is not None:
        workflow_screens.append(
            ("workflow-edit", reverse("wagtailadmin_workflows:edit", args=[workflow.pk]))
        )
    return screens, workflow_screens


def sign_in(browser, base_url, username, english, problems):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=base_url, locale="vi-VN"
    )
    page = context.new_page()
    page.goto(reverse("wagtailadmin_login"))
    if username == "bientap":
        shot(page, "login")
        found = english_on(page, english)
        if found:
            problems["login"] = found
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    second_factor_in_browser(page, username)
    page.wait_for_url(lambda url: "/xac-thuc-hai-buoc/" not in url)
    return context, page


def visit(page, name, url, english, problems):
    """Check one screen; ``False`` when the account may not see it (403 or redirected)."""
    response = page.goto(url)
    if response.status == 403 or urlsplit(page.url).path != urlsplit(url).path:
        return False
    assert response.status == 200, f"{name}: {url} answered {response.status}"
    page.wait_for_load_state("networkidle")
    shot(page, name)
    found = english_on(page, english)
    if found:
        problems[name] = found
    return True


def test_english_word_list_is_sane():
    english = english_interface_words()
    # Typical admin words are in it …
    assert {"sign", "password", "images", "documents", "publish", "draft"} <= english
    # … ordinary Vietnamese syllables and names are not.
    assert not {"con", "tin", "trang", "van", "ban", "wagtail", "url"} & english


def test_admin_screens_have_no_english(live_demo, chromium):
    english = visible_english(english_interface_words())
    screens, workflow_screens = admin_screens()
    problems = {}

    # The editor sees every screen an editor may open; the rest (workflows are
    # managed by administrators, and screens the editor's groups do not grant)
    # are checked as the administrator, so that no screen goes unchecked.
    editor_context, editor = sign_in(chromium, live_demo.url, "bientap", english, problems)
    admin_context, admin = sign_in(chromium, live_demo.url, "quantri", english, problems)
    as_admin = []
    for name, url in screens:
        if not visit(editor, name, url, english, problems):
            as_admin.append(name)
            if not visit(admin, name, url, english, problems):
                problems[name] = {"": f"{url} not reachable"}
    for name, url in workflow_screens:
        if not visit(admin, name, url, english, problems):
            problems[name] = {"": f"{url} not reachable"}
    editor_context.close()
    admin_context.close()
    print(f"checked as the editor: {len(screens) - len(as_admin)} screens; as quantri: {as_admin}")

    report = "\n".join(
        f"{screen}: {word!r} in {line!r}"
        for screen, found in problems.items()
        for word, line in sorted(found.items())
    )
    assert not problems, f"English left in the admin:\n{report}"
