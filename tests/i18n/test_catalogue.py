"""The project's Vietnamese catalogue for the Wagtail admin (issue 9).

None of these tests touch the database; they read the installed English
catalogues of Wagtail and wagtail-localize and the files in cms/locale/vi.
"""

import io
import re
import sys
import unicodedata
from pathlib import Path

import polib
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # so the tests also run without the root conftest
    sys.path.insert(0, str(REPO_ROOT))

from cms.home import i18n_coverage  # noqa: E402

LC_MESSAGES = REPO_ROOT / "cms" / "locale" / "vi" / "LC_MESSAGES"
DOMAINS = i18n_coverage.DOMAINS

PRINTF = re.compile(r"%(?:\(\w+\))?[#0 +\-]*\d*(?:\.\d+)?[sdifrxXeEgGcou]")
BRACE = re.compile(r"\{[\w.\[\]!:]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# A lowercase letter (Vietnamese included) glued to "của": "Tên đăng nhậpcủa bạn".
GLUED_CUA = re.compile(r"([^\W\d_])của")
PLACEHOLDER_THEN_LETTER = re.compile(r"(%\(\w+\)[sd]|\{\w*\})(?=[^\W\d_])")
LETTER_THEN_PLACEHOLDER = re.compile(r"(?<=[^\W\d_])(%\(\w+\)[sd]|\{\w*\})")


def _catalogue(domain):
    return polib.pofile(str(LC_MESSAGES / f"{domain}.po"))


def _translated(domain):
    return [e for e in _catalogue(domain) if e.translated()]


def _msgstrs(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _placeholders(text):
    printf = [m for m in PRINTF.findall(text.replace("%%", ""))]
    return sorted(printf + BRACE.findall(text))


def _tags(text):
    return sorted(HTML_TAG.findall(text))


def _all_translated():
    return [(domain, e) for domain in DOMAINS for e in _translated(domain)]


def _label(entry):
    return (entry.msgctxt or "") + "|" + entry.msgid


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_files_exist_with_vietnamese_plural_forms(domain):
    catalogue = _catalogue(domain)
    assert catalogue.metadata["Language"] == "vi"
    assert catalogue.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]
    assert (LC_MESSAGES / f"{domain}.mo").exists()


def test_english_catalogues_are_found_from_installed_packages():
    paths = i18n_coverage.english_catalogues()
    apps = {str(p.parent.parent.parent.parent) for p in paths}
    assert any(a.endswith("wagtail/admin") for a in apps)
    assert any(a.endswith("wagtail_localize") for a in apps)
    assert any(p.name == "djangojs.po" for p in paths)
    assert len(i18n_coverage.english_msgids()) > 1000


def test_coverage_at_least_95_percent():
    translated, total, ratio = i18n_coverage.coverage()
    print(f"\nWagtail admin vi coverage: {translated}/{total} = {ratio:.2%}")
    for domain in DOMAINS:
        t, n, r = i18n_coverage.coverage(domain)
        print(f"  {domain}: {t}/{n} = {r:.2%}")
        assert r >= 0.95, f"{domain}: only {r:.2%} translated"
    assert total > 1000
    assert ratio >= 0.95
    assert translated == total - sum(len(v) for v in i18n_coverage.missing_by_domain().values())


def test_missing_is_sorted_list_of_keys():
    missing = i18n_coverage.missing()
    assert isinstance(missing, list)
    assert missing == sorted(missing, key=lambda k: (k[0] or "", k[1]))
    assert set(missing) <= i18n_coverage.english_msgids()
    by_domain = i18n_coverage.missing_by_domain()
    assert set(missing) == set().union(*(set(keys) for keys in by_domain.values()))
    for domain, keys in by_domain.items():
        assert not set(keys) & i18n_coverage.project_catalogue_translated(domain)


def test_placeholders_and_html_tags_preserved():
    problems = []
    for domain, entry in _all_translated():
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for msgstr in _msgstrs(entry):
            # Vietnamese has one plural form, so it may follow either English form.
            if not any(_placeholders(msgstr) == _placeholders(s) for s in sources):
                problems.append((domain, "placeholders", entry.msgid, msgstr))
            if not any(_tags(msgstr) == _tags(s) for s in sources):
                problems.append((domain, "html", entry.msgid, msgstr))
    assert not problems, "\n".join(map(repr, problems[:20]))


def test_leading_and_trailing_whitespace_preserved():
    problems = []
    for domain, entry in _all_translated():
        for msgstr in _msgstrs(entry):
            if entry.msgid.endswith(" ") != msgstr.endswith(" ") or (
                entry.msgid.startswith(" ") != msgstr.startswith(" ")
            ):
                problems.append((domain, entry.msgid, msgstr))
    assert not problems, problems[:20]


@pytest.mark.parametrize("domain", DOMAINS)
def test_mo_matches_po(domain):
    po_entries = {(e.msgctxt, e.msgid): e for e in _translated(domain)}
    mo = polib.mofile(str(LC_MESSAGES / f"{domain}.mo"))
    mo_entries = {(e.msgctxt, e.msgid): e for e in mo if e.msgid}
    assert set(mo_entries) == set(po_entries), "the .mo is stale: recompile it with msgfmt"
    for key, po_entry in po_entries.items():
        mo_entry = mo_entries[key]
        if po_entry.msgid_plural:
            assert mo_entry.msgid_plural == po_entry.msgid_plural
            assert {int(k): v for k, v in mo_entry.msgstr_plural.items()} == {
                int(k): v for k, v in po_entry.msgstr_plural.items()
            }, key
        else:
            assert mo_entry.msgstr == po_entry.msgstr, key
    assert mo.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"


def test_no_words_glued_together():
    # The broken upstream "Nhập %(username_field_name)scủa bạn" rendered "Nhập Tên đăng nhậpcủa bạn".
    problems = []
    for domain, entry in _all_translated():
        for msgstr in _msgstrs(entry):
            for match in GLUED_CUA.finditer(msgstr):
                if match.group(1).islower():
                    problems.append((domain, entry.msgid, msgstr))
            sources = entry.msgid + " " + (entry.msgid_plural or "")
            for ph in PLACEHOLDER_THEN_LETTER.findall(msgstr):
                if not re.search(re.escape(ph) + r"[^\W\d_]", sources):
                    problems.append((domain, entry.msgid, msgstr))
            for ph in LETTER_THEN_PLACEHOLDER.findall(msgstr):
                if not re.search(r"[^\W\d_]" + re.escape(ph), sources):
                    problems.append((domain, entry.msgid, msgstr))
    assert not problems, problems[:20]


def test_known_broken_upstream_translation_is_fixed():
    entry = _catalogue("django").find("Enter your %(username_field_name)s")
    assert entry is not None and entry.translated()
    assert entry.msgstr == "Nhập %(username_field_name)s của bạn"
    assert (entry.msgstr % {"username_field_name": "tên đăng nhập"}) == "Nhập tên đăng nhập của bạn"


def test_every_msgstr_is_nfc():
    problems = [
        (domain, entry.msgid)
        for domain, entry in _all_translated()
        for msgstr in _msgstrs(entry)
        if unicodedata.normalize("NFC", msgstr) != msgstr
    ]
    assert not problems, problems[:20]


def test_glossary_terms_used_consistently():
    texts = [m.lower() for _, e in _all_translated() for m in _msgstrs(e)]
    joined = "\n".join(texts)
    # Old-style tone placement and competing terms must not creep back in.
    for banned in ("xoá", "khoá", "huỷ", "luồng công việc", "thu hồi xuất bản", "ý kiến"):
        assert banned not in joined, banned
    catalogue = _catalogue("django")
    expected = {
        "Submit for moderation": "Gửi duyệt",
        "Unpublish": "Hủy xuất bản",
        "Snippets": "Đoạn nội dung dùng chung",
        "Dashboard": "Trang tổng quan",
        "Username": "Tên đăng nhập",
        "Log out": "Đăng xuất",
        "Request changes": "Yêu cầu chỉnh sửa",
        "Collection": "Bộ sưu tập",
        "Workflow": "Quy trình duyệt",
        "Task": "Bước duyệt",
    }
    for msgid, msgstr in expected.items():
        assert catalogue.find(msgid).msgstr == msgstr, msgid


def test_add_missing_entries_writes_untranslated_stubs(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n_coverage, "PROJECT_LOCALE_DIR", tmp_path)
    assert i18n_coverage.coverage("djangojs")[0] == 0
    added = i18n_coverage.add_missing_entries("djangojs")
    assert added == len(i18n_coverage.english_msgids("djangojs"))
    stub = polib.pofile(str(tmp_path / "vi" / "LC_MESSAGES" / "djangojs.po"))
    assert {(e.msgctxt, e.msgid) for e in stub} == i18n_coverage.english_msgids("djangojs")
    assert i18n_coverage.coverage("djangojs")[0] == 0  # stubs are empty, still missing


def test_management_command_prints_coverage():
    from cms.home.management.commands.i18n_missing import Command

    out = io.StringIO()
    command = Command(stdout=out)
    command.handle(domain=None, fail_under=0.95, add=False)
    output = out.getvalue()
    translated, total, _ = i18n_coverage.coverage()
    assert f"{translated}/{total}" in output
    assert "django.po" in output and "djangojs.po" in output
