"""The per-request memo of hidden sections never outlives what it describes."""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import PageViewRestriction

import pytest

from cms.core.visibility import hidden_paths
from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

SHARED_ANONYMOUS = AnonymousUser()  # as a module-level visitor would be


def test_a_shared_anonymous_user_sees_a_new_restriction_at_once():
    page = NewsArticlePage.objects.live().public().first()
    before = hidden_paths(SHARED_ANONYMOUS)
    assert page.path not in before
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert page.path in hidden_paths(SHARED_ANONYMOUS)


def test_a_logged_in_user_object_asks_once(users, django_assert_num_queries):
    user = users["dangvien"]
    hidden_paths(user)
    with django_assert_num_queries(0):
        hidden_paths(user)
