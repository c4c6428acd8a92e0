"""A cell checking in and voting at the same second through nginx and two gunicorn workers
with four threads each, on the suite's database engine (SQLite in WAL mode with immediate
transactions and a busy timeout, or PostgreSQL): every tap is acknowledged and recorded
exactly once, secret ballots included; a tap refused past the meeting pool (nginx's 503) is
sent again, as the refusal page asks."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.django_db

MEMBERS = 16
PASSWORD = "Matkhau@2026"  # cms.members.factories


def until_acknowledged(send, attempts=20):
    """What the page tells a member on a refusal (503, "gửi lại"): send again a moment later."""
    for _ in range(attempts):
        answer = send()
        if answer.status != 503:
            return answer
        assert "gửi lại" in answer.text and answer.header("Retry-After")
        time.sleep(0.2)
    return answer


def all_at_once(calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_a_whole_cell_checks_in_and_votes_at_once(stack, driver):
    info = driver.call("info")
    meeting = driver.call("open_meeting", card_number=info["member_username"])["meeting"]
    cards = driver.call("add_members", meeting=meeting, count=MEMBERS)["cards"]
    sessions = {card: stack.login(card, PASSWORD) for card in cards}

    check_in = f"/sinh-hoat-chi-bo/{meeting}/co-mat/"
    answers = all_at_once(
        [
            lambda s=session: until_acknowledged(lambda: stack.post_form(check_in, s))
            for session in sessions.values()
        ]
    )
    assert [a.status for a in answers] == [302] * MEMBERS, [a.text[:200] for a in answers]

    motion = driver.call("open_motion", meeting=meeting)
    vote = f"/sinh-hoat-chi-bo/bieu-quyet/{motion['motion']}/bo-phieu/"
    # Each member taps "vote" twice in a row, as impatient thumbs do; past the meeting pool
    # nginx refuses at once with "please send again", and the member does.
    taps = [
        lambda s=session: until_acknowledged(
            lambda: stack.post_form(vote, s, {"option": motion["option"]})
        )
        for session in sessions.values()
        for _ in range(2)
    ]
    answers = all_at_once(taps)
    assert {a.status for a in answers} == {302}, [a.text[:200] for a in answers if a.status != 302]

    rows = driver.call("meeting_rows", meeting=meeting, motion=motion["motion"])
    assert sorted(set(cards)) == [c for c in rows["present"] if c in cards]
    assert len(rows["present"]) == len(set(rows["present"]))
    assert rows["receipts"] == sorted(cards)
    assert rows["ballots"] == MEMBERS
