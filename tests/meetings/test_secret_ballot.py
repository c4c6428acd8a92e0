"""Secret ballots: sealed while the motion is open, mixed when it closes (issue 15, item 1).

What holds on every database: the choice is never stored next to the voter
in clear, an acknowledged vote survives a failed close and a key rotation,
and the counts are exact. The storage-level joins (transaction ids,
physical order) are tried on PostgreSQL in ``test_secret_ballot_pg.py``.
"""

import importlib

from django.apps import apps as django_apps
from django.db import models

from wagtail.models import ModelLogEntry

import pytest

from cms.meetings import sealing, services
from cms.meetings.models import Ballot, SealedBallot, VoteReceipt

from .test_voting import make_motion, option, present

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(open_meeting, secretary, members):
    present(open_meeting, secretary, [secretary, *members[:4]])
    return make_motion(open_meeting, secretary, ballot_type="secret")


def vote(member, motion, label):
    services.cast_vote(member.user, motion.pk, option(motion, label).pk)


def test_secret_ballot_records_that_and_what_but_never_links_them(secret, secretary, members):
    vote(members[1], secret, "Tán thành")
    vote(members[2], secret, "Không tán thành")
    # that they voted
    assert set(VoteReceipt.objects.filter(motion=secret).values_list("member", flat=True)) == {
        members[1].pk,
        members[2].pk,
    }
    # what was chosen: only sealed while the motion is open
    assert not Ballot.objects.filter(motion=secret).exists()
    assert SealedBallot.objects.filter(motion=secret).count() == 2
    # no voter, no time, no sequential key, in either table
    for model in (Ballot, SealedBallot):
        field_types = {type(f) for f in model._meta.concrete_fields}
        assert not field_types & {
            models.DateTimeField,
            models.DateField,
            models.AutoField,
            models.BigAutoField,
        }
        assert model._meta.pk.get_internal_type() == "UUIDField"
    assert not any(f.name == "member" for f in SealedBallot._meta.concrete_fields)
    # the audit log says who voted, never the choice
    for entry in ModelLogEntry.objects.filter(action="meetings.vote", object_id=str(secret.pk)):
        assert "option" not in entry.data
        assert "Tán thành" not in str(entry.data)
    services.close_motion(secretary.user, secret)
    ballots = list(Ballot.objects.filter(motion=secret).select_related("option"))
    assert sorted(b.option.label for b in ballots) == ["Không tán thành", "Tán thành"]
    assert all(b.member_id is None for b in ballots)
    assert not SealedBallot.objects.filter(motion=secret).exists()


def test_envelopes_are_ciphertext_bound_to_their_motion(secret, members):
    yes = option(secret, "Tán thành")
    for member in members[:3]:
        vote(member, secret, "Tán thành")
    envelopes = [bytes(e) for e in SealedBallot.objects.values_list("envelope", flat=True)]
    assert len(set(envelopes)) == 3  # the same choice never looks the same
    assert len({len(e) for e in envelopes}) == 1
    for envelope in envelopes:
        assert yes.pk.to_bytes(8, "big") not in envelope
        assert sealing.unseal(secret.pk, envelope) == yes.pk
        with pytest.raises(sealing.UnreadableEnvelope):
            sealing.unseal(secret.pk + 1, envelope)  # moved to another motion


def test_a_failed_close_loses_no_acknowledged_vote(secret, secretary, members, monkeypatch):
    for member, label in zip(members[:4], ["Tán thành"] * 3 + ["Không tán thành"], strict=True):
        vote(member, secret, label)

    def crash(*args, **kwargs):
        raise OSError("mất kết nối giữa chừng")

    monkeypatch.setattr(Ballot.objects, "bulk_create", crash)
    with pytest.raises(OSError):
        services.close_motion(secretary.user, secret)
    secret.refresh_from_db()
    assert secret.is_open
    assert SealedBallot.objects.filter(motion=secret).count() == 4
    assert VoteReceipt.objects.filter(motion=secret).count() == 4
    monkeypatch.undo()
    services.close_motion(secretary.user, secret)
    result = services.motion_result(secret)
    assert [r["count"] for r in result["rows"]] == [3, 1]
    assert result["passed"] is True  # 3 of 5 present


def test_a_rotated_secret_key_keeps_the_votes(secret, secretary, members, settings):
    vote(members[1], secret, "Tán thành")
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "khóa-mới-" + "x" * 50
    settings.SECRET_KEY_FALLBACKS = []
    vote(members[2], secret, "Không tán thành")
    with pytest.raises(services.MeetingError, match="Không mở được phiếu kín"):
        services.close_motion(secretary.user, secret)
    assert SealedBallot.objects.filter(motion=secret).count() == 2  # nothing lost
    settings.SECRET_KEY_FALLBACKS = [old]
    services.close_motion(secretary.user, secret)
    assert [r["count"] for r in services.motion_result(secret)["rows"]] == [1, 1]


def test_migration_remixes_secret_ballots_recorded_before(secret, open_meeting, secretary, members):
    """Ballots written by the old design (in voting order) get new keys and a random order."""
    yes, no = option(secret, "Tán thành"), option(secret, "Không tán thành")
    old = [Ballot.objects.create(motion=secret, option=o) for o in [yes, yes, no, yes, no]]
    public = make_motion(open_meeting, secretary)
    vote(members[1], public, "Tán thành")
    migration = importlib.import_module("cms.meetings.migrations.0003_sealed_secret_ballots")
    migration.remix_secret_ballots(django_apps, None)
    remixed = Ballot.objects.filter(motion=secret)
    assert sorted(remixed.values_list("option_id", flat=True)) == sorted(b.option_id for b in old)
    assert not set(remixed.values_list("pk", flat=True)) & {b.pk for b in old}
    assert Ballot.objects.get(motion=public).member_id == members[1].pk  # open ballots untouched
