"""The stack's background processes: the django-tasks worker (database queue, not the
immediate backend) and scheduled publishing, whose pages reach visitors through nginx."""

import uuid

import pytest
from stack_harness import wait_until

pytestmark = pytest.mark.django_db

READER = {"stdv_vid": "reader0000000000000000", "stdv_seen": "1"}


def test_upload_is_processed_by_the_worker_not_the_request(driver, stack):
    title = f"Tài liệu {uuid.uuid4().hex[:8]}"
    uploaded = driver.call("upload_document", title=title)
    assert uploaded["text"] == ""  # queued in the database, not run in the saving process
    done, _ = wait_until(
        lambda: driver.call("document_text", id=uploaded["id"])["task"] == "SUCCESSFUL", 30, 0.2
    )
    found = driver.call("document_text", id=uploaded["id"])
    assert done, found
    assert title in found["text"]
    assert found["worker"]


def test_scheduled_article_goes_live_and_reaches_visitors(driver, stack):
    title = f"Tin hẹn giờ {uuid.uuid4().hex[:8]}"
    stack.get("/", cookies=READER)
    scheduled = driver.call("schedule_article", title=title, seconds=2)
    assert scheduled["live"] is False
    assert title not in stack.get("/", cookies=READER).text
    # Due in 2 s; the scheduler runs every second here; then the cache's 2 s at most.
    shown, _ = wait_until(lambda: title in stack.get("/", cookies=READER).text, 15, 0.2)
    assert shown
    assert stack.get(scheduled["url"], cookies=READER).status == 200
