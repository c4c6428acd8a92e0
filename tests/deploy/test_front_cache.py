"""The cache in front, through Debian's nginx and gunicorn (tests/deploy/conftest.py):
anonymous pages come from nginx, changes show within 2 seconds, nothing private is shared."""

import json
import re
import uuid

import pytest
from stack_harness import wait_until
from time_machine import escape_hatch

# The stack's database is copied from the test database (tests/deploy/conftest.py).
pytestmark = pytest.mark.django_db

# A visitor the site has counted lately (nginx serves them from the cache).
READER = {"stdv_vid": "reader0000000000000000", "stdv_seen": "1"}
VISIBLE_WITHIN = 2.0


def wall_clock():
    """The real time: the driver's process stamps its commits with it, while this
    process may run on the suite's fixed clock (tests/conftest.py)."""
    return escape_hatch.time.time()


def _shows(stack, path, text):
    return text in stack.get(path, cookies=READER).text


def test_anonymous_pages_come_from_the_cache_in_front(stack):
    first = stack.get("/", cookies=READER)
    second = stack.get("/", cookies=READER)
    assert first.status == second.status == 200
    assert second.header("X-Cache") in {"HIT", "REVALIDATED"}
    assert second.header("ETag").startswith('"a')
    assert "no-cache" in second.header("Cache-Control")  # browsers ask again each time
    assert second.body == first.body


def test_published_article_is_on_the_home_page_within_two_seconds(stack, driver):
    stack.get("/", cookies=READER)
    assert stack.get("/", cookies=READER).header("X-Cache") in {"HIT", "REVALIDATED"}
    title = f"Tin mới {uuid.uuid4().hex[:8]}"
    published = driver.call("publish_article", title=title)
    shown, _ = wait_until(lambda: _shows(stack, "/", title), VISIBLE_WITHIN + 1)
    seen_after = wall_clock() - published["committed_at"]
    assert shown and seen_after <= VISIBLE_WITHIN, seen_after

    # Unpublished: its own URL and the home page drop it within 2 seconds.
    url = published["url"]
    assert stack.get(url, cookies=READER).status == 200
    stack.get(url, cookies=READER)
    unpublished = driver.call("unpublish", id=published["id"])
    gone, _ = wait_until(lambda: stack.get(url, cookies=READER).status == 404, 3)
    url_after = wall_clock() - unpublished["committed_at"]
    off_home, _ = wait_until(lambda: not _shows(stack, "/", title), 3)
    home_after = wall_clock() - unpublished["committed_at"]
    assert gone and url_after <= VISIBLE_WITHIN, url_after
    assert off_home and home_after <= VISIBLE_WITHIN, home_after


def test_moved_and_deleted_pages_follow_within_two_seconds(stack, driver):
    title = f"Tin chuyển {uuid.uuid4().hex[:8]}"
    published = driver.call("publish_article", title=title)
    old_url = published["url"]
    wait_until(lambda: stack.get(old_url, cookies=READER).header("X-Cache") == "HIT", 3)

    moved = driver.call("move_to_home", id=published["id"])
    shown, _ = wait_until(lambda: stack.get(moved["url"], cookies=READER).status == 200, 3)
    new_after = wall_clock() - moved["committed_at"]
    # The old address now answers with Wagtail's automatic redirect (or 404), not the copy.
    left, _ = wait_until(lambda: stack.get(old_url, cookies=READER).status in {301, 302, 404}, 3)
    old_after = wall_clock() - moved["committed_at"]
    assert shown and new_after <= VISIBLE_WITHIN, new_after
    assert left and old_after <= VISIBLE_WITHIN, old_after

    stack.get(moved["url"], cookies=READER)
    deleted = driver.call("delete", id=published["id"])
    gone, _ = wait_until(lambda: stack.get(moved["url"], cookies=READER).status == 404, 3)
    gone_after = wall_clock() - deleted["committed_at"]
    assert gone and gone_after <= VISIBLE_WITHIN, gone_after


def test_site_setting_change_shows_on_every_cached_page_within_two_seconds(stack, driver):
    info = driver.call("info")
    pages = ["/", info["news_index_url"]]
    for path in pages:
        stack.get(path, cookies=READER)
    name = f"Sổ tay thử {uuid.uuid4().hex[:6]}"
    changed = driver.call("set_site_name", name=name)
    ok, _ = wait_until(lambda: all(_shows(stack, path, name) for path in pages), 3)
    after = wall_clock() - changed["committed_at"]
    assert ok and after <= VISIBLE_WITHIN, after


def test_members_only_page_is_never_served_to_an_anonymous_visitor(stack, driver):
    info = driver.call("info")
    url, title = info["members_only_url"], info["members_only_title"]
    member = stack.login(info["member_username"], "Demo@2026")

    # The member reads it (twice: a shared cache would now hold it).
    for _ in range(2):
        page = stack.get(url, cookies=member | READER)
        assert page.status == 200 and title in page.text
        assert page.header("X-Cache") == "BYPASS"
    home = stack.get("/", cookies=member | READER)
    assert info["member_name"] in home.text and home.header("X-Cache") == "BYPASS"

    # Anonymous visitors, with or without cookies, are sent to the login page.
    for cookies in (READER, {}, {"stdv_vid": "other000000000000000000"}):
        anonymous = stack.get(url, cookies=cookies)
        assert anonymous.status == 302 and "/dang-nhap/" in anonymous.header("Location")
        assert title not in anonymous.text
        assert info["member_name"] not in stack.get("/", cookies=cookies).text


def test_page_made_members_only_leaves_the_cache_within_two_seconds(stack, driver):
    title = f"Tin nội bộ {uuid.uuid4().hex[:8]}"
    published = driver.call("publish_article", title=title)
    url = published["url"]
    stack.get(url, cookies=READER)
    assert stack.get(url, cookies=READER).header("X-Cache") == "HIT"
    restricted = driver.call("restrict", id=published["id"])
    ok, _ = wait_until(lambda: stack.get(url, cookies=READER).status == 302, 3)
    after = wall_clock() - restricted["committed_at"]
    assert ok and after <= VISIBLE_WITHIN, after
    assert not _shows(stack, "/", title)


def test_static_files_far_future_and_compressed(stack):
    css = stack.static_root / "css" / "site.0123456789ab.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text("body { margin: 0; }\n" * 200)
    plain = stack.get("/static/css/site.0123456789ab.css")
    assert plain.status == 200 and plain.body == css.read_bytes()
    assert "max-age=31536000" in plain.header("Cache-Control")
    assert "immutable" in plain.header("Cache-Control")
    gzipped = stack.get("/static/css/site.0123456789ab.css", headers={"Accept-Encoding": "gzip"})
    assert gzipped.header("Content-Encoding") == "gzip"
    assert len(gzipped.body) < len(plain.body) / 5
    page = stack.get("/", cookies=READER, headers={"Accept-Encoding": "br, gzip"})
    assert page.header("Content-Encoding") in {"br", "gzip"}


def test_private_media_folders_are_refused(stack):
    for folder in ("documents", "original_images", "protected_images"):
        private = stack.tmp / "media" / folder / "x.txt"
        private.parent.mkdir(parents=True, exist_ok=True)
        private.write_text("bí mật")
        assert stack.get(f"/media/{folder}/x.txt").status == 404


def test_live_status_poll_keeps_its_etag_through_nginx(stack, driver):
    info = driver.call("info")
    member = stack.login(info["member_username"], "Demo@2026")
    meeting = driver.call("open_meeting", card_number=info["member_username"])["meeting"]
    url = f"/api/sinh-hoat-chi-bo/{meeting}/truc-tiep.json"
    first = stack.get(url, cookies=member)
    assert first.status == 200 and first.header("ETag")
    again = stack.get(url, cookies=member, headers={"If-None-Match": first.header("ETag")})
    assert again.status == 304
    assert stack.get(url).status == 401  # never from a cache to someone without a session


def test_signed_live_poll_is_answered_by_nginx_and_shows_a_check_in_within_two_seconds(
    stack, driver
):
    info = driver.call("info")
    member = stack.login(info["member_username"], "Demo@2026")
    meeting = driver.call("open_meeting", card_number=info["member_username"])["meeting"]
    page = stack.get(f"/sinh-hoat-chi-bo/{meeting}/", cookies=member).text
    url = re.search(r'data-live-url="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "/truc-tiep-m.json?e=" in url
    first = stack.get(url)  # no cookie: the signed address alone grants the poll
    assert first.status == 200 and not first.header("Set-Cookie")
    present = json.loads(first.body)["attendance"]["present"]
    again = stack.get(url)
    assert again.header("X-Cache") in {"HIT", "UPDATING"}  # from nginx, not the site
    unchanged = stack.get(url, headers={"If-None-Match": again.header("ETag")})
    assert unchanged.status == 304 and unchanged.body == b""
    forged = re.sub(r"s=[^&]+", "s=AAAAAAAAAAAAAAAAAAAAAA", url)
    refused = stack.get(forged)
    assert refused.status == 403 and "Liên kết đã hết hạn" in json.loads(refused.body)["error"]
    assert stack.get(url.split("?")[0]).status == 403

    assert stack.post_form(f"/sinh-hoat-chi-bo/{meeting}/co-mat/", member).status == 302
    seen, seconds = wait_until(
        lambda: json.loads(stack.get(url).body)["attendance"]["present"] == present + 1,
        VISIBLE_WITHIN,
    )
    assert seen, f"the check-in was not in the poll after {seconds:.2f} s"
