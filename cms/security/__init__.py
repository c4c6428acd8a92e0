"""Request and response rules that hold for the whole site (see SECURITY.md).

- ``middleware.SecurityHeadersMiddleware``: ``Permissions-Policy`` on every answer, and
  ``Cache-Control: private, no-store`` on answers a view or hook marked private (``privacy``).
- ``middleware.RejectInvalidInputMiddleware`` with ``edge``: NUL bytes and control
  characters refused with a Vietnamese 400 page before any view runs; empty 400/403/405
  answers get the site's page.
- ``wagtail_hooks``: page-editor POSTs without their StreamField counts are a 400.
- ``manage.py apply_retention``: deletes what the retention rules no longer keep.

It imports no app of the project (an import-linter contract in pyproject.toml).
"""
