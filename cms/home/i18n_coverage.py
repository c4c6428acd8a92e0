"""How much of the Wagtail admin the project's Vietnamese catalogue translates.

The project ships its own catalogue in ``cms/locale/vi/LC_MESSAGES`` (listed in
``LOCALE_PATHS``, so it wins over the apps' own, largely untranslated ``vi``
catalogues). This module compares it with the English catalogues of the
*installed* ``wagtail`` and ``wagtail_localize`` packages, located from the
packages themselves, so that after an upgrade ``manage.py i18n_missing`` lists
exactly the new msgids to translate.

Only ``polib`` and ``pathlib`` are used: no Django import, so the functions work
(and are tested) without Django settings.

A key is ``(msgctxt, msgid)``; ``msgctxt`` is ``None`` when there is no context.
Every function takes an optional ``domain`` (``"django"`` or ``"djangojs"``).
Without one, ``english_msgids()`` / ``project_catalogue_translated()`` give the
union over both domains, while ``coverage()`` and ``missing()`` check each domain
against its own catalogue (a JavaScript string translated only in ``django.po``
still counts as missing, because ``djangojs.po`` is what the browser loads).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import polib

PACKAGES = ("wagtail", "wagtail_localize")
DOMAINS = ("django", "djangojs")
SOURCE_LANGUAGE = "en"
LANGUAGE = "vi"

# cms/home/i18n_coverage.py -> cms/locale
PROJECT_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

Key = tuple  # (msgctxt | None, msgid)


def _domains(domain: str | None) -> tuple[str, ...]:
    if domain is None:
        return DOMAINS
    if domain not in DOMAINS:
        raise ValueError(f"Unknown gettext domain {domain!r}; expected one of {DOMAINS}")
    return (domain,)


def package_dir(name: str) -> Path | None:
    """Directory of an installed package, or ``None`` when it is not installed."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def english_catalogues(domain: str | None = None) -> list[Path]:
    """The ``locale/en/LC_MESSAGES/<domain>.po`` files of every app of the packages."""
    paths: list[Path] = []
    for package in PACKAGES:
        root = package_dir(package)
        if root is None:
            continue
        for dom in _domains(domain):
            paths.extend(root.rglob(f"locale/{SOURCE_LANGUAGE}/LC_MESSAGES/{dom}.po"))
    return sorted(set(paths))


def project_catalogue_path(domain: str = "django", language: str = LANGUAGE) -> Path:
    _domains(domain)
    return PROJECT_LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def _key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt or None, entry.msgid)


def _live_entries(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete and e.msgid]


def english_msgids(domain: str | None = None) -> set[Key]:
    """All ``(msgctxt, msgid)`` keys of the installed English catalogues."""
    keys: set[Key] = set()
    for path in english_catalogues(domain):
        keys.update(_key(e) for e in _live_entries(path))
    return keys


def project_catalogue_translated(domain: str | None = None, language: str = LANGUAGE) -> set[Key]:
    """Keys with a non-empty, non-fuzzy translation in the project's catalogue(s)."""
    keys: set[Key] = set()
    for dom in _domains(domain):
        path = project_catalogue_path(dom, language)
        if path.exists():
            keys.update(_key(e) for e in _live_entries(path) if e.translated())
    return keys


def missing_by_domain(domain: str | None = None, language: str = LANGUAGE) -> dict[str, list[Key]]:
    """``{domain: sorted keys still untranslated}`` for each domain."""
    return {
        dom: sorted(
            english_msgids(dom) - project_catalogue_translated(dom, language),
            key=lambda k: (k[0] or "", k[1]),
        )
        for dom in _domains(domain)
    }


def coverage(domain: str | None = None, language: str = LANGUAGE) -> tuple[int, int, float]:
    """``(translated, total, ratio)``, counting each domain against its own catalogue."""
    translated = total = 0
    for dom in _domains(domain):
        source = english_msgids(dom)
        total += len(source)
        translated += len(source & project_catalogue_translated(dom, language))
    return translated, total, (translated / total if total else 1.0)


def missing(domain: str | None = None, language: str = LANGUAGE) -> list[Key]:
    """Sorted ``(msgctxt, msgid)`` keys not yet translated (any domain)."""
    keys: set[Key] = set()
    for dom_keys in missing_by_domain(domain, language).values():
        keys.update(dom_keys)
    return sorted(keys, key=lambda k: (k[0] or "", k[1]))


def add_missing_entries(domain: str, language: str = LANGUAGE) -> int:
    """Append the missing msgids to the project catalogue as empty entries.

    Flags (``python-format`` …) and plurals are copied from the English source so
    a translator only has to fill in ``msgstr``. Returns how many were added.
    The ``.mo`` file must be recompiled afterwards.
    """
    path = project_catalogue_path(domain, language)
    catalogue = polib.pofile(str(path)) if path.exists() else polib.POFile()
    if not path.exists():
        catalogue.metadata = {
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    present = {_key(e): e for e in catalogue if not e.obsolete}
    todo = set(missing_by_domain(domain, language)[domain])
    added = 0
    for source_path in english_catalogues(domain):
        for entry in _live_entries(source_path):
            key = _key(entry)
            if key not in todo:
                continue
            todo.discard(key)
            if key in present:  # present but empty or fuzzy: leave it for the translator
                continue
            new = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
            if entry.msgid_plural:
                new.msgid_plural = entry.msgid_plural
                new.msgstr_plural = {0: ""}
            catalogue.append(new)
            added += 1
    if added:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
    return added
