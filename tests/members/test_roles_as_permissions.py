"""The organisation department's powers are permissions of its group, not its name."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from cms.core import roles

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/dang-vien/ty-le-dang-nhap/"
IMPORT = "/admin/dang-vien/nhap-danh-sach/"
UNIT_STAFF = "/admin/snippets/members/unitstaff/"


def edit_group_in_admin(client, admin, group, *, name=None, without=()):
    """Post Wagtail's own group form back, renamed or with permissions unticked."""
    client.force_login(admin)
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    if name is not None:
        data["name"] = name
    removed = {str(p.pk) for p in without}
    data.setlist("permissions", [pk for pk in data.getlist("permissions") if pk not in removed])
    response = client.post(url, dict(data.lists()))  # every ticked box, not the last
    assert response.status_code == 302, response.content.decode()[:2000]
    group.refresh_from_db()


def permission(pair):
    app_label, codename = pair
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def test_renaming_the_group_keeps_access_removing_a_permission_takes_it(client, users):
    group = Group.objects.get(name=roles.ORGANISATION)
    tochuc = users["tochuc"]
    client.force_login(tochuc)
    for url in (DASHBOARD, IMPORT, UNIT_STAFF):
        assert client.get(url).status_code == 200, url

    edit_group_in_admin(client, users["quantri"], group, name="Ban Tổ chức Tỉnh ủy Đồng Nai")
    assert group.name == "Ban Tổ chức Tỉnh ủy Đồng Nai"
    assert not Group.objects.filter(name=roles.ORGANISATION).exists()
    client.force_login(tochuc)
    for url in (DASHBOARD, IMPORT, UNIT_STAFF):
        assert client.get(url).status_code == 200, url

    edit_group_in_admin(
        client, users["quantri"], group, without=[permission(roles.VIEW_LOGIN_RATES)]
    )
    assert not group.permissions.filter(codename="view_login_rates").exists()
    assert group.permissions.filter(codename="import_roster").exists()
    client.force_login(tochuc)
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(DASHBOARD + "xuat.xlsx").status_code == 403
    assert client.get(IMPORT).status_code == 200

    edit_group_in_admin(client, users["quantri"], group, without=[permission(roles.IMPORT_ROSTER)])
    client.force_login(tochuc)
    assert client.get(IMPORT).status_code == 403


def test_the_permission_works_in_any_group(client, users, make_member):
    """A user of a brand-new group holding the permission gets the power."""
    outsider = make_member().user
    client.force_login(outsider)
    assert client.get("/quan-ly-tai-khoan/chi-bo/BH-X1-A1/").status_code == 403
    group = Group.objects.create(name="Tổ công tác cấp tài khoản")
    group.permissions.add(permission(roles.MANAGE_ACCOUNTS))
    outsider.groups.add(group)
    assert client.get("/quan-ly-tai-khoan/chi-bo/BH-X1-A1/").status_code == 200


def test_the_migration_grants_the_permissions_to_an_existing_organisation_group(db):
    group = Group.objects.get(name=roles.ORGANISATION)
    group.permissions.clear()
    migration = importlib.import_module("cms.members.migrations.0005_role_permissions")
    migration.grant(apps, connection.schema_editor())
    granted = set(group.permissions.values_list("codename", flat=True))
    assert granted == set(migration.GRANTED) | set(migration.UNLOCK)
