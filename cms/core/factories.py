"""Factory helpers shared by the apps' ``factories.py`` (tests and demo)."""

import wagtail_factories


def section_factory(model, title, slug):
    """A page factory for a site section's index page with its usual title and slug."""
    meta = type("Meta", (), {"model": model})
    return type(
        f"{model.__name__}Factory",
        (wagtail_factories.PageFactory,),
        {"Meta": meta, "title": title, "slug": slug, "__module__": model.__module__},
    )
