"""Builds the demo Đồng Nai: run through ``manage.py seed_demo``.

Each app contributes a ``demo.seed(ctx)`` function; they run in the order of
``DEMO_MODULES`` and share a context dict (the home page, accounts…). Every
step is idempotent: a second run finds what the first made and changes
nothing.
"""

import importlib
import os

from django.db import transaction

DEMO_MODULES = [
    "cms.members.demo",
    "cms.home.demo_site",
    "cms.files.demo",
    "cms.news.demo",
    "cms.documents.demo",
    "cms.bulletins.demo",
    "cms.resolutions.demo",
    "cms.home.demo_translation",
    "cms.meetings.demo",
    "cms.study.demo",
    "editorial_workflows.demo",
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "Demo@2026")


def seed_all(stdout=None):
    ctx = {"password": demo_password(), "log": (stdout.write if stdout else (lambda s: None))}
    for module_name in DEMO_MODULES:
        module = importlib.import_module(module_name)
        with transaction.atomic():
            module.seed(ctx)
    return ctx
