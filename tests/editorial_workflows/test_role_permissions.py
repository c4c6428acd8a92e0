"""The approval history follows a permission granted to groups, not group names."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from cms.core import roles

pytestmark = pytest.mark.django_db

HISTORY = "/admin/duyet-noi-dung/lich-su/"


def sees_history(client, user):
    client.force_login(user)
    response = client.get(HISTORY)
    if response.status_code == 200:
        assert "Lịch sử duyệt nội dung" in response.content.decode()
        return True
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert response.status_code in (302, 403)
    return False


def group_form(client, admin, group):
    client.force_login(admin)
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    return url, querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")


def test_who_sees_the_history(client, users):
    for username in ("quantri", "pheduyet", "pheduyettg", "baomat"):
        assert sees_history(client, users[username]), username
    # Editors, reviewers and a committee's approvers (their scope is one section) do not.
    for username in ("bientap", "duyetbai", "pheduyetbh", "tochuc", "dangvien"):
        assert not sees_history(client, users[username]), username


def test_renamed_group_keeps_the_history_removed_permission_loses_it(client, users):
    group = Group.objects.get(name=roles.APPROVERS)
    history = Permission.objects.get(codename="view_approval_history")
    url, form = group_form(client, users["quantri"], group)
    form["name"] = "Trưởng, Phó Ban Biên tập"
    assert client.post(url, dict(form.lists())).status_code == 302
    group.refresh_from_db()
    assert group.name == "Trưởng, Phó Ban Biên tập"
    assert sees_history(client, users["pheduyet"])
    # The history menu item (in the sidebar's data) follows the same permission.
    assert HISTORY in client.get("/admin/").content.decode()

    url, form = group_form(client, users["quantri"], group)
    kept = [pk for pk in form.getlist("permissions") if pk != str(history.pk)]
    assert len(kept) == len(form.getlist("permissions")) - 1
    form.setlist("permissions", kept)
    assert client.post(url, dict(form.lists())).status_code == 302
    assert not group.permissions.filter(pk=history.pk).exists()
    assert not sees_history(client, users["pheduyet"])
    assert HISTORY not in client.get("/admin/").content.decode()
    # The group's other powers stay.
    assert group.permissions.filter(codename="access_admin").exists()


def test_the_migration_grants_the_history_to_the_existing_groups(db):
    readers = Group.objects.filter(
        name__in=[roles.ADMINISTRATORS, roles.APPROVERS, roles.PROPAGANDA_APPROVERS]
    )
    history = Permission.objects.get(codename="view_approval_history")
    for group in readers:
        group.permissions.remove(history)
    migration = importlib.import_module("editorial_workflows.migrations.0002_role_permissions")
    migration.grant(apps, connection.schema_editor())
    for group in readers:
        assert group.permissions.filter(pk=history.pk).exists(), group.name
    assert not Group.objects.get(name=roles.EDITORS).permissions.filter(pk=history.pk).exists()
