"""Back up and restore the whole site: database, media and private files, manifest.

A backup is a folder ``stdv-YYYYMMDD-HHMMSS/`` holding

- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite, the online backup API): each engine's own tool;
- ``files/<name>``: every file of the default storage (local disk or S3), the
  private folders (documents, original images, protected renditions) included;
- ``manifest.json``: the SHA-256 of the dump and of every file, and a
  fingerprint (rows and a hash of their content) of every table, taken from
  the same snapshot as the dump.

``restore`` checks every hash before it changes anything, refuses a target
database or storage that is not empty unless told ``--force``, and after
restoring compares the restored tables with the fingerprint.
"""

from .archive import BackupError, create_backup, restore_backup

__all__ = ["BackupError", "create_backup", "restore_backup"]
