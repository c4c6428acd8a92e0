"""Files of the default storage (local disk or S3), walked through Django's storage API."""

import posixpath
from pathlib import Path, PurePosixPath

from .errors import BackupError
from .hashing import sha256_stream


def walk(storage, folder=""):
    """Every file name in ``storage``, sorted, as relative POSIX paths."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for sub in sorted(folders):
        yield from walk(storage, posixpath.join(folder, sub) if folder else sub)


def is_empty(storage):
    return next(walk(storage), None) is None


def safe_name(name):
    """Refuse a manifest entry that would write outside the storage or the backup folder."""
    path = PurePosixPath(name)
    if not name or "\x00" in name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise BackupError(f"Bản kê có tên tệp không hợp lệ: «{name!r}». Không khôi phục gì cả.")
    return name


def copy_out(storage, name, folder):
    """Copy the stored file ``name`` under ``folder``; return its manifest entry."""
    target = Path(folder, *PurePosixPath(safe_name(name)).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, open(target, "wb") as sink:
        digest, size = sha256_stream(source, sink)
    return {"name": name, "sha256": digest, "bytes": size}


def copy_in(storage, entry, folder, force=False):
    """Put a backed-up file back at its own name and check what was written."""
    name = entry["name"]
    if storage.exists(name):
        if not force:
            raise BackupError(f"Tệp «{name}» đã có trong kho tệp đích.")
        storage.delete(name)
    with open(Path(folder, *PurePosixPath(name).parts), "rb") as source:
        saved = storage.save(name, source)
    if saved != name:
        raise BackupError(f"Kho tệp lưu «{name}» dưới tên khác («{saved}»).")
    with storage.open(name, "rb") as written:
        digest, _size = sha256_stream(written)
    if digest != entry["sha256"]:
        raise BackupError(f"Tệp «{name}» ghi vào kho tệp không khớp mã SHA-256 của bản kê.")
