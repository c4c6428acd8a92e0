"""A member's page from a frame kept for their audience, with their own parts filled in.

On a meeting evening nearly every request comes from a logged-in member, and
most of what their page costs is rendering: the header, the menus, the lists,
the material's text, the footer. All of that is the same for every member who
sees the page the same way (``frame_key``: the page and address, the content
version, the language, the day and minute, the audience's groups, what other
apps add with ``add_key_part`` (the reader's text size and contrast), and
whatever else the page names in ``frame_parts``, such as the cell). What is one
member's own is marked in the templates:

    {% personal %}<span>{{ request.user.get_full_name }}</span>…{% endpersonal %}

The first member's request renders the page whole; each ``personal`` part is
recorded in the output between two markers, and the page with those parts cut
out (the *frame*) is kept in the shared cache. The next member of the same
audience gets the frame with only the ``personal`` parts rendered again for
them (``fill``): from the request, the page and the member alone (``slot_context``),
so they may not use a variable the page's view computed.

A frame is never served to a visitor who is not logged in (the cache in front
and the page's own view handle them), and a ``personal`` part is never kept:
a name, a CSRF token, a message, a panel of one's own meetings or study is
rendered for each request. ``tests/caching/test_frames.py`` renders the same
pages for several members both ways and compares them.
"""

import functools
import re
import time

from django.conf import settings
from django.http import HttpResponse
from django.template import Engine, RequestContext
from django.template.response import SimpleTemplateResponse
from django.utils import timezone, translation

from . import local
from .audience import audience, content_tag, timeout

SLOT_START = "\x1e"  # record separator: not in any HTML this site writes
SLOT_END = "\x1f"
# <RS>id<US>rendered part<RS><US>  in a recorded render; <RS>id<US> in a frame
_RECORDED = re.compile("\x1e([^\x1e\x1f]+)\x1f([^\x1e\x1f]*)\x1e\x1f")
_FRAME_SLOT = re.compile("\x1e([^\x1e\x1f]+)\x1f")

RECORDING_ATTR = "_stdv_frame_recording"
# In the page's own context only: an error page rendered for the same request records nothing.
RECORDING_VAR = "stdv_recording_frame"
HIT_HEADER = "X-Page-Frame"

# Slot id → the template node that renders it (filled when templates are parsed).
_SLOTS = {}
# Frames of one build of the code: templates change with a deploy, and so may slot ids.
_BUILD = str(time.time_ns())
# What else of a request changes how every page renders (the reader's text size, from
# cms.pwa, which sits above this app): functions of the request, added at start-up.
_KEY_PARTS = []


def add_key_part(part):
    """``part(request)`` goes into every frame's key (``AppConfig.ready``)."""
    if part not in _KEY_PARTS:
        _KEY_PARTS.append(part)


def register_slot(slot_id, node):
    _SLOTS[slot_id] = node


def recording(context):
    """Whether this render is recording its personal parts (a frame will be kept)."""
    return bool(context.get(RECORDING_VAR))


def mark(slot_id, html):
    return f"{SLOT_START}{slot_id}{SLOT_END}{html}{SLOT_START}{SLOT_END}"


def _minute():
    """The footer's visit figures move by the minute."""
    return int(time.time() // 60)


def frame_key(request, page, parts=()):
    """The frame ``page`` renders for ``request``'s audience, or ``None`` when it renders
    for this visitor alone (not logged in, a query string, a form being sent)."""
    user = getattr(request, "user", None)
    if (
        request.method not in ("GET", "HEAD")
        or request.GET
        or getattr(request, "is_preview", False)  # a draft is never kept
        or user is None
        or not user.is_authenticated
    ):
        return None
    return ":".join(
        str(part)
        for part in (
            "stdv:frame",
            _BUILD,
            content_tag(request),
            translation.get_language() or settings.LANGUAGE_CODE,
            timezone.localdate().isoformat(),
            _minute(),
            request.get_host(),
            request.path,
            page.pk,
            audience(user),
            *(part(request) for part in _KEY_PARTS),
            *parts,
        )
    )


def slot_context(request, page, extra=None):
    """What a personal part may use: the request (its user, CSRF token, messages), the
    page, the site's settings, and what the page adds (``FramedPageMixin.slot_extra``)."""
    return RequestContext(request, {"page": page, "self": page, **(extra or {})})


@functools.cache
def _binding_template():
    return Engine.get_default().from_string("")


def fill(frame, request, page, extra=None):
    """The frame with each personal part rendered for ``request``; ``None`` when a part is
    unknown to this process (its template not loaded yet): the page is then rendered whole."""
    slots = set(_FRAME_SLOT.findall(frame))
    if not slots.issubset(_SLOTS):
        return None
    context = slot_context(request, page, extra)
    rendered = {}
    # Binding runs the context processors (CSRF token, messages, settings) and gives
    # {% include %} its engine, as rendering the page's template does.
    with context.bind_template(_binding_template()):
        for slot_id in slots:
            rendered[slot_id] = _SLOTS[slot_id].nodelist.render(context)
    return _FRAME_SLOT.sub(lambda m: rendered[m.group(1)], frame)


def split(recorded):
    """A recorded render → (the page for this request, the frame to keep or ``None``)."""
    page_html = _RECORDED.sub(lambda m: m.group(2), recorded)
    frame = _RECORDED.sub(lambda m: f"{SLOT_START}{m.group(1)}{SLOT_END}", recorded)
    # A marker left over (a personal part cut by a filter, nested parts): keep nothing.
    if SLOT_START in page_html or SLOT_END in page_html:
        return page_html.replace(SLOT_START, "").replace(SLOT_END, ""), None
    return page_html, frame


class FramedPageMixin:
    """Serves the page to logged-in members from their audience's frame (module docstring).

    A page whose template shows more than the audience's own (a cell's lists) names it in
    ``frame_parts``; ``slot_extra`` gives personal parts what they need besides the page."""

    def frame_parts(self, request):
        return ()

    def slot_extra(self, request):
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, RECORDING_ATTR, False):
            context[RECORDING_VAR] = True
        return context

    def serve(self, request, *args, **kwargs):
        key = frame_key(request, self, self.frame_parts(request))
        if key is None:
            return super().serve(request, *args, **kwargs)
        frame = local.read(key)
        if frame is not None:
            html = fill(frame, request, self, self.slot_extra(request))
            if html is not None:
                response = HttpResponse(html)
                response[HIT_HEADER] = "hit"
                return response
        setattr(request, RECORDING_ATTR, True)  # read by get_context, inside serve
        try:
            response = super().serve(request, *args, **kwargs)
        finally:
            setattr(request, RECORDING_ATTR, False)
        if isinstance(response, SimpleTemplateResponse):
            response.add_post_render_callback(lambda r: self._keep_frame(r, key))
        return response

    def _keep_frame(self, response, key):
        page_html, frame = split(response.content.decode(response.charset))
        response.content = page_html
        response[HIT_HEADER] = "miss"
        if response.status_code == 200 and frame is not None:
            local.store(key, frame, timeout())
