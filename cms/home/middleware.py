class AdminFramingMiddleware:
    """Lets the Wagtail admin frame its own previews; everything else is DENY.

    Sits after Django's XFrameOptionsMiddleware in MIDDLEWARE, so it sees the
    response first; that middleware leaves an existing header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
