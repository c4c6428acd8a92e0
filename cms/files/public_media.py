"""Media under the development server (``scripts/run.sh``): public image
renditions only, from normalised paths.

Documents, original images and the renditions of private images are reached
only through their permission-checking views (``/documents/…``,
``/images/…``). Any other ``/media/`` path answers 404, whatever its form:
``/media//documents/x.pdf``, ``/media/%2fdocuments/x.pdf``,
``/media/images/../documents/x.pdf`` all name a file outside the public folders
or are not written the one normal way. In production no Django route serves
media at all (the web server in front serves ``/media/images/`` only, see
docs/files.md).
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

REFUSAL = "Không có tệp công khai ở địa chỉ này."


def is_public_media(path):
    """``path`` names a file of a public media folder, written the normal way."""
    parts = path.split("/")
    return (
        len(parts) >= 2
        and parts[0] in settings.MEDIA_PUBLIC_FOLDERS
        and all(part not in ("", ".", "..") for part in parts)
        and "\\" not in path
        and "\x00" not in path
    )


def serve_public_media(request, path):
    if not is_public_media(path):
        raise Http404(REFUSAL)
    return serve(request, path, document_root=settings.MEDIA_ROOT)
