"""Motions, their options, vote receipts (who) and ballots (what)."""

import uuid

from django.db import models
from django.db.models import Q

from ..choices import BallotType, MajorityRule, MotionStatus
from .meeting import Meeting, more_than_half, two_thirds


class Motion(models.Model):
    """Một nội dung biểu quyết: a question with options, open or secret."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="motions")
    question = models.CharField("nội dung biểu quyết", max_length=500)
    ballot_type = models.CharField(
        "hình thức", max_length=8, choices=BallotType.choices, default=BallotType.OPEN
    )
    majority_rule = models.CharField(
        "quy tắc thông qua",
        max_length=24,
        choices=MajorityRule.choices,
        default=MajorityRule.PRESENT_MAJORITY,
    )
    status = models.CharField(
        "trạng thái", max_length=8, choices=MotionStatus.choices, default=MotionStatus.DRAFT
    )
    present_count = models.PositiveIntegerField("số có mặt khi kết thúc", null=True, blank=True)
    member_count = models.PositiveIntegerField("tổng số đảng viên", null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "biểu quyết"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.question

    @property
    def is_secret(self):
        return self.ballot_type == BallotType.SECRET

    @property
    def is_open(self):
        return self.status == MotionStatus.OPEN

    @property
    def is_closed(self):
        return self.status == MotionStatus.CLOSED

    def threshold(self, present, members):
        if self.majority_rule == MajorityRule.MEMBERS_MAJORITY:
            return more_than_half(members)
        if self.majority_rule == MajorityRule.TWO_THIRDS:
            return two_thirds(present)
        return more_than_half(present)


class MotionOption(models.Model):
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField("phương án", max_length=255)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class VoteReceipt(models.Model):
    """THAT a member voted on a motion (never what they chose in a secret ballot).

    The unique constraint is what makes "one vote per member" hold under
    concurrency: the second insert fails in the database.
    """

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    voted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "xác nhận đã biểu quyết"
        constraints = [
            models.UniqueConstraint(fields=["motion", "member"], name="meetings_one_receipt")
        ]

    def __str__(self):
        return f"{self.member} đã biểu quyết: {self.motion}"


class Ballot(models.Model):
    """The choice. For a secret ballot ``member`` is empty and nothing else links it to a voter.

    A secret choice is first kept as a ``SealedBallot`` (encrypted) and only
    becomes a ``Ballot`` when the motion closes, all of the motion's ballots in
    one transaction and in random order: the rows share the closing
    transaction's id, their physical order and random UUID keys follow no
    voter, and they carry no time.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="ballots")
    option = models.ForeignKey(MotionOption, on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "phiếu biểu quyết"
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "member"],
                condition=Q(member__isnull=False),
                name="meetings_one_open_ballot",
            )
        ]

    def __str__(self):
        return f"Phiếu: {self.option}"


class SealedBallot(models.Model):
    """A secret choice while its motion is open: ciphertext only (``sealing.py``).

    It is written in the voter's own transaction, with the receipt, so an
    acknowledged vote survives any crash; what links it to the receipt (same
    transaction id, neighbouring rows) leads to ciphertext that the database
    cannot open. Closing the motion opens every envelope, writes the choices
    as shuffled ``Ballot`` rows and deletes the envelopes.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="sealed_ballots")
    envelope = models.BinaryField(editable=False)

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "phiếu kín đang niêm phong"

    def __str__(self):
        return "Phiếu kín (niêm phong)"
