"""The study parts of a member's page kept in the shared cache, and what makes them stale.

The home page's study panel (to do, overdue) is kept per member, the unread
count beside the name per user (``cms.caching.personal``). Every write that
changes them says so here: model saves through ``signal_handlers``, the
bulk writes (a read recorded in one ``INSERT``, notices written in batches,
"mark all read") where they happen. Assignments and pages are snippets and
pages: their changes bump the content version, which the keys name too.
"""

from cms.caching.personal import forget

PROGRESS = "study"
NOTICES = "notices"


def progress_changed(member_ids):
    forget(PROGRESS, member_ids)


def notices_changed(user_ids):
    forget(NOTICES, user_ids)
