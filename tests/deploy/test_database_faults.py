"""The database restarting under the running stack (nginx + gunicorn, production settings):
no 500 reaches a person, anonymous readers keep the cached pages, members are asked to retry,
and once PostgreSQL is back everything works again with nothing acknowledged lost or doubled."""

from django.db import connection

import pytest
from stack_harness import wait_until

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="cuts PostgreSQL sessions (the PostgreSQL pass of scripts/test.sh runs it)",
    ),
]

READER = {"stdv_vid": "reader0000000000000000", "stdv_seen": "1"}
RETRY_TEXT = "Hệ thống đang bận, vui lòng thử lại"


def test_a_database_restart_asks_members_to_retry_and_loses_nothing(stack, driver):
    info = driver.call("info")
    card = info["member_username"]
    member = stack.login(card, "Demo@2026")
    meeting = driver.call("open_meeting", card_number=card)["meeting"]
    check_in = f"/sinh-hoat-chi-bo/{meeting}/co-mat/"
    stack.get("/", cookies=READER)
    assert stack.get("/", cookies=READER).header("X-Cache") in {"HIT", "REVALIDATED"}
    assert stack.get("/", cookies=member).status == 200

    # Sessions open at that moment are cut (the stack opens one per request), new ones refused.
    assert driver.call("database_outage", down=True)["cut"] >= 0
    try:
        # Members: the site's own Vietnamese page, 503 with Retry-After, never a 500.
        for attempt in (
            stack.get("/", cookies=member),
            stack.get(info["members_only_url"], cookies=member),
            stack.post_form(check_in, member),
        ):
            assert attempt.status == 503, (attempt.status, attempt.text[:300])
            assert RETRY_TEXT in attempt.text and "Traceback" not in attempt.text
            assert attempt.header("Retry-After") == "5"
        poll = stack.get(f"/api/sinh-hoat-chi-bo/{meeting}/truc-tiep.json", cookies=member)
        assert poll.status == 503 and "thử lại" in poll.text
        # Anonymous readers: the last copy from the cache in front.
        anonymous = stack.get("/", cookies=READER)
        assert anonymous.status == 200 and anonymous.header("X-Cache") in {"STALE", "HIT"}
    finally:
        driver.call("database_outage", down=False)

    # Back: the same session works again (sessions live in Redis and the database).
    back, _ = wait_until(lambda: stack.get("/", cookies=member).status == 200, 10)
    assert back
    acknowledged = stack.post_form(check_in, member)
    assert acknowledged.status in {200, 302}, acknowledged.status
    again = stack.post_form(check_in, member)  # the member taps once more to be sure
    assert again.status in {200, 302}
    found = driver.call("attendance", meeting=meeting, card_number=card)
    assert (found["rows"], found["present"]) == (1, 1)
