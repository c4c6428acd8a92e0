"""Make a backup folder and restore one (see the package docstring)."""

import json
import shutil
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from .engines import (
    DUMP_NAMES,
    dump_database,
    engine_of,
    fingerprint,
    restore_database,
    table_count,
)
from .errors import BackupError
from .files import copy_in, copy_out, is_empty, safe_name, walk
from .hashing import sha256_file

FORMAT = "stdv-backup/1"
MANIFEST = "manifest.json"


def create_backup(output, storage=None, using=DEFAULT_DB_ALIAS):
    """Write a new backup folder under ``output``; return its path.

    It is written as ``<name>.partial`` and renamed when complete, so a
    folder without that suffix is always a whole backup.
    """
    storage = storage or default_storage
    connection = connections[using]
    engine = engine_of(connection)
    now = timezone.now()
    final = Path(output) / f"stdv-{now:%Y%m%d-%H%M%S}"
    if final.exists():
        raise BackupError(f"Đã có bản sao lưu «{final}».")
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "files").mkdir(parents=True)
    dump = partial / DUMP_NAMES[engine]
    tables = dump_database(connection, dump)
    digest, size = sha256_file(dump)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "engine": engine,
        "database": {"name": dump.name, "sha256": digest, "bytes": size},
        "tables": tables,
        "files": [copy_out(storage, name, partial / "files") for name in walk(storage)],
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.rename(final)
    return final


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError as error:
        raise BackupError(f"Không thấy bản kê «{path}»: đây không phải bản sao lưu.") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"Bản kê «{path}» bị hỏng (không đọc được JSON).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"Bản kê «{path}» không đúng định dạng {FORMAT}.")
    return manifest


def _mismatch(label):
    return BackupError(
        f"Bản sao lưu không toàn vẹn: mã SHA-256 của {label} không khớp với bản kê. "
        "Tệp đã bị hỏng hoặc bị sửa; không khôi phục gì cả."
    )


def verify_backup(folder, manifest):
    """Check the dump and every file against the manifest before anything is changed."""
    folder = Path(folder)
    database = manifest["database"]
    dump = folder / safe_name(database["name"])
    if not dump.is_file() or sha256_file(dump)[0] != database["sha256"]:
        raise _mismatch(f"bản sao cơ sở dữ liệu «{database['name']}»")
    for entry in manifest["files"]:
        path = folder / "files" / safe_name(entry["name"])
        if not path.is_file() or sha256_file(path)[0] != entry["sha256"]:
            raise _mismatch(f"tệp «{entry['name']}»")
    return dump


def restore_backup(folder, force=False, storage=None, using=DEFAULT_DB_ALIAS):
    """Restore ``folder`` into the database ``using`` and ``storage``; return a summary."""
    storage = storage or default_storage
    connection = connections[using]
    manifest = read_manifest(folder)
    engine = engine_of(connection)
    if manifest.get("engine") != engine:
        raise BackupError(
            f"Bản sao lưu là của {manifest.get('engine')}, không khôi phục được vào {engine}."
        )
    dump = verify_backup(folder, manifest)
    if not force:
        if tables := table_count(connection):
            raise BackupError(
                f"Cơ sở dữ liệu đích không trống (đã có {tables} bảng). Chỉ khôi phục vào "
                "cơ sở dữ liệu trống, hoặc thêm --force để ghi đè."
            )
        if not is_empty(storage):
            raise BackupError(
                "Kho tệp đích không trống. Chỉ khôi phục vào kho tệp trống, "
                "hoặc thêm --force để ghi đè."
            )
    restore_database(connection, dump, force=force)
    for entry in manifest["files"]:
        copy_in(storage, entry, Path(folder) / "files", force=force)
    restored = fingerprint(connection)
    differing = sorted(
        table for table, expected in manifest["tables"].items() if restored.get(table) != expected
    )
    if differing:
        raise BackupError(
            "Dữ liệu sau khi khôi phục không khớp bản kê ở các bảng: " + ", ".join(differing[:20])
        )
    return {"tables": len(restored), "files": len(manifest["files"])}
