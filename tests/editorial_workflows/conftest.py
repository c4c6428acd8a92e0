"""Helpers that drive the Wagtail admin like a person would.

Form data is read from the admin's own rendered form (so fields added to the
page types later are posted back as they are) and only the fields a test
cares about are overridden; StreamFields, which the admin renders in
JavaScript, are rebuilt from their blocks.
"""

from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from cms.news.models import NewsIndexPage


def _stream_data(name, items):
    return nested_form_data({name: streamfield(items)})


def _current_stream(page, field):
    items = []
    for child in getattr(page, field.name):
        if child.block_type == "paragraph":
            items.append(("paragraph", rich_text(child.value.source)))
        elif child.block_type == "heading":
            items.append(("heading", child.value))
    return items


class Admin:
    """The admin seen through one signed-in user's test client."""

    def __init__(self, client, user):
        self.client = client
        self.user = user
        client.force_login(user)

    def _form_data(self, url, page_model, page=None, paragraphs=None, **fields):
        response = self.client.get(url)
        assert response.status_code == 200, response.status_code
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        for field in page_model._meta.get_fields():
            if isinstance(field, StreamField):
                for key in [k for k in data if k.startswith(f"{field.name}-")]:
                    del data[key]
                if paragraphs is not None and field.name == "body":
                    items = [("paragraph", rich_text(f"<p>{p}</p>")) for p in paragraphs]
                else:
                    items = _current_stream(page, field) if page is not None else []
                data.update(_stream_data(field.name, items))
        for key, value in fields.items():
            data[key] = value
        return data

    def create(self, parent, page_model, action="action-submit", **fields):
        url = reverse(
            "wagtailadmin_pages:add",
            args=[page_model._meta.app_label, page_model._meta.model_name, parent.pk],
        )
        data = self._form_data(url, page_model, **fields)
        data[action] = "1"
        response = self.client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        return page_model.objects.child_of(parent).get(slug=fields["slug"])

    def edit(self, page, action=None, **fields):
        page = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = self._form_data(url, type(page), page=page, **fields)
        if action:
            data[action] = "1"
        return self.client.post(url, data)

    def act(self, page, action, **data):
        page = Page.objects.get(pk=page.pk)
        state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
        return self.client.post(url, data)


@pytest.fixture
def as_user(client, users):
    """``as_user("duyetbai")`` → an ``Admin`` signed in as that demo account."""

    def make(username):
        client.logout()
        return Admin(client, users[username])

    return make


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(depth=3, locale__language_code="vi")


@pytest.fixture
def bien_hoa_news(news_index):
    return NewsIndexPage.objects.child_of(news_index).get(slug="bien-hoa")
