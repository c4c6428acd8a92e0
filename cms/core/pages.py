"""Page tree helpers shared by every app's demo and by test fixtures.

Pages are built by the apps' factories (factory_boy / wagtail-factories), the
same ones the tests use, so the demo and the tests share one definition of a
believable page.
"""


def child_page(parent, factory, slug=None, **fields):
    """The child of ``parent`` with ``slug``, built by ``factory`` and published when missing.

    Returns ``(page, created)``. Without ``slug`` the factory's own slug is used
    (section index factories carry the section's title and slug).
    """
    page = factory.build(**({"slug": slug} if slug else {}), **fields)
    model = factory._meta.model
    existing = model.objects.child_of(parent).filter(slug=page.slug).first()
    if existing:
        return existing, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def others_in_same_language(queryset, page):
    """``queryset`` without ``page`` and its translations, in ``page``'s language.

    What a uniqueness rule compares a page with: the same page saved again, or
    its English translation, is never a duplicate of itself.
    """
    if page.locale_id:
        queryset = queryset.filter(locale_id=page.locale_id)
    if page.pk:
        queryset = queryset.exclude(pk=page.pk)
    if page.translation_key:
        queryset = queryset.exclude(translation_key=page.translation_key)
    return queryset


def demo_section(ctx, key, factory, intro):
    """A section's index page under the demo's home page (``ctx["home"]``), kept as ``ctx[key]``."""
    index, _ = child_page(ctx["home"], factory, intro=intro)
    ctx[key] = index
    return index
