from django.urls import reverse

import pytest

from cms.members.models import PartyOrganization
from cms.resolutions.models import Audience
from cms.study.models import StudyAssignment

pytestmark = pytest.mark.django_db


def test_propaganda_assigns_a_resolution_to_a_committee(client, users, resolution):
    client.force_login(users["tuyengiao"])
    add_url = reverse("wagtailsnippets_study_studyassignment:add")
    assert client.get(add_url).status_code == 200
    committee = PartyOrganization.objects.committees().first()
    response = client.post(
        add_url,
        {
            "page": resolution.pk,
            "audience": Audience.UNITS,
            "units": [committee.pk],
            "deadline": "30/12/2026",
            "assigned_on": "10/11/2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assignment = StudyAssignment.objects.get(page=resolution)
    assert list(assignment.units.all()) == [committee]


def test_quiz_fields_in_the_page_editor(client, users, resolution):
    client.force_login(users["quantri"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[resolution.pk])).content.decode()
    assert "Tự kiểm tra và thu hoạch" in html and "điểm đạt (%)" in html.lower()


def test_audience_needs_its_cell_types_or_units(client, users, resolution):
    client.force_login(users["tuyengiao"])
    add_url = reverse("wagtailsnippets_study_studyassignment:add")
    for audience, message in [
        (Audience.CELL_TYPES, "Hãy chọn ít nhất một loại hình chi bộ"),
        (Audience.UNITS, "Hãy chọn ít nhất một đơn vị"),
    ]:
        response = client.post(
            add_url,
            {
                "page": resolution.pk,
                "audience": audience,
                "deadline": "30/12/2026",
                "assigned_on": "10/11/2026",
            },
        )
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(
        add_url, {"page": resolution.pk, "audience": "all", "deadline": "hôm nay"}
    )
    assert response.status_code == 200
    assert not StudyAssignment.objects.filter(page=resolution).exists()
