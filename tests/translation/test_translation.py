from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_tree_is_sound_after_demo_translation():
    assert Page.find_problems() == ([], [], [], [], [])
