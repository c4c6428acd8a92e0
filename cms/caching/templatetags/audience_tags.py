"""``{% cached_for_audience "name" part… %}…{% endcached_for_audience %}``

A piece of a page rendered once for everyone of the visitor's audience and kept,
like the lists it shows, under the content version (``cms.caching.audience``):
the same key rules (audience, language, day, content version, and the ``part``
values the piece depends on, such as a cell), so a change to the content shows
at once and no piece is shared beyond the visitors who would see it rendered
the same. Nothing personal (a name, a form's CSRF token) may go inside.
"""

from django import template
from django.utils.safestring import mark_safe

from .. import frames
from ..audience import cached_for_audience

register = template.Library()


class AudienceFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        name = "fragment:" + str(self.name.resolve(context))
        parts = [part.resolve(context) for part in self.parts]
        html = cached_for_audience(
            request, name, lambda: str(self.nodelist.render(context)), *parts
        )
        return mark_safe(html)  # noqa: S308  (the template's own output, escaped when rendered)


@register.tag("cached_for_audience")
def do_cached_for_audience(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_for_audience needs a name")
    nodelist = parser.parse(("endcached_for_audience",))
    parser.delete_first_token()
    return AudienceFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


_INSIDE = "_stdv_inside_personal"


class PersonalNode(template.Node):
    """A part of a page that is one visitor's own (``cms.caching.frames``)."""

    def __init__(self, nodelist, slot_id):
        self.nodelist = nodelist
        self.slot_id = slot_id
        frames.register_slot(slot_id, self)

    def render(self, context):
        if not frames.recording(context) or context.get(_INSIDE):
            return self.nodelist.render(context)
        with context.push({_INSIDE: True}):  # a part inside a part is the outer one's
            return frames.mark(self.slot_id, self.nodelist.render(context))


@register.tag("personal")
def do_personal(parser, token):
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    # Stable across processes: the template, the line and the count on that line.
    origin = getattr(parser.origin, "template_name", None) or getattr(parser.origin, "name", "")
    counts = parser.__dict__.setdefault("_stdv_personal_counts", {})
    place = (origin, token.lineno)
    counts[place] = counts.get(place, 0) + 1
    return PersonalNode(nodelist, f"{origin}:{token.lineno}:{counts[place]}")
