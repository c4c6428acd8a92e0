"""Thin views: find what the user may see, call a service, show the result."""

from .meetings import (
    attendance,
    check_in,
    meeting_close,
    meeting_create,
    meeting_detail,
    meeting_home,
    meeting_open,
)
from .minutes import minutes_approve, minutes_correct, minutes_edit, minutes_export, minutes_view
from .status import live_status, live_status_signed, report
from .voting import motion_close, motion_create, motion_open, motions_xlsx, vote

__all__ = [
    "attendance",
    "check_in",
    "live_status",
    "live_status_signed",
    "meeting_close",
    "meeting_create",
    "meeting_detail",
    "meeting_home",
    "meeting_open",
    "minutes_approve",
    "minutes_correct",
    "minutes_edit",
    "minutes_export",
    "minutes_view",
    "motion_close",
    "motion_create",
    "motion_open",
    "motions_xlsx",
    "report",
    "vote",
]
