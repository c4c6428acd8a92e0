"""Names read in Vietnamese order (family name first) wherever Django's
get_full_name() is shown: the Wagtail admin, the site header."""

import importlib

from django.apps import apps

import pytest

from cms.members.models import Member, split_full_name

pytestmark = pytest.mark.django_db


def test_demo_accounts_read_family_name_first(users):
    assert users["bientap"].get_full_name() == "Lê Thị Biên Tập"
    assert users["duyetbh"].get_full_name() == "Lê Văn Duyệt"  # the editorial board's too
    member = Member.objects.get(user=users["dangvien"])
    assert users["dangvien"].get_full_name() == member.full_name


def test_admin_header_shows_the_name_in_vietnamese_order(client, users):
    client.force_login(users["bientap"])
    html = client.get("/admin/").content.decode()
    assert "Lê Thị Biên Tập" in html
    assert "Biên Tập Lê Thị" not in html and "Tập Lê Thị Biên" not in html


def test_import_stores_family_and_middle_names_first():
    assert split_full_name("Nguyễn Thị Thanh Hương") == ("Nguyễn Thị Thanh", "Hương")


def test_migration_turns_reversed_names_around(users):
    user = users["dangvien"]
    member = Member.objects.get(user=user)
    family, _, given = member.full_name.rpartition(" ")
    user.first_name, user.last_name = given, family  # the old, reversed storage
    user.save()
    migration = importlib.import_module("cms.members.migrations.0004_names_in_vietnamese_order")
    migration.to_vietnamese_order(apps, None)  # plain ORM work, no schema editor needed
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == (family, given)
    assert user.get_full_name() == member.full_name
