"""``manage.py backup`` / ``manage.py restore`` (cms/security/backup).

The round trip restores into an EMPTY database (a new SQLite file, or the
scratch PostgreSQL database ``stdv_backup_restore``) and EMPTY storage, in a
separate process as an operator would, then reads the target directly and
finds every page, member, receipt, ballot, minutes version and file back.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

import pytest

from cms.security.backup import files as backup_files
from tests.pg_admin import postgres_admin

ROOT = Path(django_settings.BASE_DIR)
SCRATCH_PG = "stdv_backup_restore"

# What must come back, read with plain SQL from both sides.
CHECKS = {
    "pages": "SELECT id, title, url_path, live FROM wagtailcore_page ORDER BY id",
    "members": "SELECT id, full_name, card_number FROM members_member ORDER BY id",
    "receipts": "SELECT motion_id, member_id FROM meetings_votereceipt ORDER BY id",
    "ballots": "SELECT id, motion_id, option_id, member_id FROM meetings_ballot ORDER BY id",
    "minutes": (
        "SELECT id, meeting_id, number, status, conclusion, lock_version "
        "FROM meetings_minutes ORDER BY id"
    ),
    "documents": "SELECT id, title, file, file_hash FROM files_protecteddocument ORDER BY id",
}

FILES = {
    "documents/bien-ban-chi-bo-thang-10.pdf": b"%PDF-1.7\n" + "Biên bản".encode() * 500,
    "documents/Nghị quyết số 12.docx": b"PK\x03\x04" + os.urandom(4096),
    "original_images/anh-dai-hoi.png": b"\x89PNG\r\n\x1a\n" + os.urandom(2048),
    "protected_images/anh-dai-hoi.max-800x600.png": b"\x89PNG\r\n\x1a\n" + os.urandom(1024),
    "images/logo.png": b"\x89PNG\r\n\x1a\n" + os.urandom(512),
}


def _sha(data):
    return hashlib.sha256(data).hexdigest()


def _rows(cursor, sql):
    cursor.execute(sql)
    return [tuple(row) for row in cursor.fetchall()]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media-source")
    for name, data in FILES.items():
        assert default_storage.save(name, ContentFile(data)) == name
    return tmp_path


@pytest.fixture
def backup_folder(transactional_db, media):
    """A real backup of the demo site, committed (pg_dump sees only committed rows).

    Transactional tests run last and flush the database afterwards, so the
    demo is seeded here again first (as ``live_demo`` does).
    """
    call_command("seed_demo", "--no-index", verbosity=0)
    folder = call_command("backup", output=str(media / "backups"), verbosity=0)
    return Path(folder)


@pytest.fixture
def fake_backup(db, tmp_path):
    """A hand-made backup folder whose hashes match (for the refusals)."""
    folder = tmp_path / "stdv-20261110-090000"
    (folder / "files" / "documents").mkdir(parents=True)
    dump = folder / "database.bin"
    dump.write_bytes(b"not a real dump")
    entries = []
    for name, data in list(FILES.items())[:2]:
        (folder / "files" / name).write_bytes(data)
        entries.append({"name": name, "sha256": _sha(data), "bytes": len(data)})
    manifest = {
        "format": "stdv-backup/1",
        "engine": connection.vendor,
        "database": {"name": dump.name, "sha256": _sha(dump.read_bytes())},
        "tables": {},
        "files": entries,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    return folder


@pytest.fixture
def empty_target(tmp_path):
    """(DATABASE_URL, a function opening it) of an empty database of the same engine."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)
        return
    import psycopg

    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_PG}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{SCRATCH_PG}"')
    settings = connection.settings_dict
    host, port, user = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432, settings["USER"]
    yield (
        f"postgres://{user}@{host}:{port}/{SCRATCH_PG}",
        lambda: psycopg.connect(host=host, port=port, user=user, dbname=SCRATCH_PG),
    )
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_PG}" WITH (FORCE)')


def _restore_elsewhere(folder, database_url, media_root):
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=database_url,
        TEST_MEDIA_ROOT=str(media_root),
    )
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_backup_and_restore_into_empty_database_and_storage(backup_folder, empty_target):
    """One round trip (each needs a fresh seed): the manifest, then the restore."""
    _manifest_hashes_the_dump_and_every_file(backup_folder)
    _restore_finds_everything(backup_folder, empty_target)


def _source_files(backup_folder):
    """Every file of the source storage: the test's own files and whatever the demo seed
    stored there (which depends on what ran before it)."""
    source = backup_folder.parent.parent / "media-source"  # the media fixture's MEDIA_ROOT
    found = {
        path.relative_to(source).as_posix(): _sha(path.read_bytes())
        for path in source.rglob("*")
        if path.is_file()
    }
    expected = {name: _sha(data) for name, data in FILES.items()}
    assert expected.items() <= found.items()
    return found


def _manifest_hashes_the_dump_and_every_file(backup_folder):
    manifest = json.loads((backup_folder / "manifest.json").read_text())
    assert manifest["engine"] == connection.vendor
    dump = backup_folder / manifest["database"]["name"]
    assert _sha(dump.read_bytes()) == manifest["database"]["sha256"]
    assert {entry["name"]: entry["sha256"] for entry in manifest["files"]} == _source_files(
        backup_folder
    )
    assert manifest["tables"]["meetings_ballot"]["rows"] > 0
    assert not list(backup_folder.parent.glob("*.partial"))


def _restore_finds_everything(backup_folder, empty_target):
    url, open_target = empty_target
    media_root = backup_folder.parent.parent / "media-restored"
    with connection.cursor() as cursor:
        expected = {key: _rows(cursor, sql) for key, sql in CHECKS.items()}
    for key in ("pages", "members", "receipts", "ballots", "minutes"):
        assert expected[key], f"the demo has no {key}: the round trip would prove nothing"

    result = _restore_elsewhere(backup_folder, url, media_root)

    assert result.returncode == 0, result.stderr
    assert "Đã khôi phục" in result.stdout
    target = open_target()
    try:
        cursor = target.cursor()
        for key, sql in CHECKS.items():
            assert _rows(cursor, sql) == expected[key], key
    finally:
        target.close()
    restored = {
        path.relative_to(media_root).as_posix(): _sha(path.read_bytes())
        for path in media_root.rglob("*")
        if path.is_file()
    }
    assert restored == _source_files(backup_folder)


def test_restore_refuses_a_changed_file_and_touches_nothing(fake_backup, settings, tmp_path):
    victim = fake_backup / "files" / "documents" / "bien-ban-chi-bo-thang-10.pdf"
    victim.write_bytes(victim.read_bytes() + b"<script>")
    settings.MEDIA_ROOT = str(tmp_path / "untouched")
    with pytest.raises(CommandError) as error:
        call_command("restore", str(fake_backup), force=True)
    message = str(error.value)
    assert "không toàn vẹn" in message
    assert "bien-ban-chi-bo-thang-10.pdf" in message
    assert "không khôi phục gì cả" in message
    assert backup_files.is_empty(default_storage)


def test_restore_refuses_a_changed_database_dump(fake_backup):
    manifest = json.loads((fake_backup / "manifest.json").read_text())
    dump = fake_backup / manifest["database"]["name"]
    dump.write_bytes(dump.read_bytes()[:-4])
    with pytest.raises(CommandError, match="bản sao cơ sở dữ liệu"):
        call_command("restore", str(fake_backup))


def test_restore_refuses_a_database_that_is_not_empty(fake_backup):
    with pytest.raises(CommandError, match="Cơ sở dữ liệu đích không trống.*--force"):
        call_command("restore", str(fake_backup))


def test_restore_refuses_a_manifest_reaching_outside(fake_backup):
    manifest_path = fake_backup / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"][0]["name"] = "../../etc/cron.d/x"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="tên tệp không hợp lệ"):
        call_command("restore", str(fake_backup))


def test_restore_refuses_a_folder_without_manifest(tmp_path):
    with pytest.raises(CommandError, match="không phải bản sao lưu"):
        call_command("restore", str(tmp_path))
