"""Posting Wagtail's page create form the way an editor's browser does."""

from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def admin_create_page(client, model, parent, fields, publish=False):
    """GET the admin "add page" form, fill ``fields`` in and POST it back.

    Saves a draft by default: pages under an editorial workflow cannot be published
    directly (they go through review, screening and approval).
    """
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    form_page = client.get(url)
    assert form_page.status_code == 200, form_page.status_code
    data = querydict_from_html(form_page.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript, so the HTML holds no "<name>-count".
    for model_field in model._meta.get_fields():
        if isinstance(model_field, StreamField) and f"{model_field.name}-count" not in data:
            data[f"{model_field.name}-count"] = "0"
    for name, value in fields.items():
        if isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        else:
            data[name] = str(value)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)
