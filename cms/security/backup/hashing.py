"""SHA-256 of files and a content fingerprint of every table."""

import hashlib

from django.apps import apps

CHUNK = 1024 * 1024


def sha256_stream(stream, sink=None):
    """Hash ``stream`` to its end (copying it into ``sink`` if given); return (hex, bytes)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if sink is not None:
            sink.write(chunk)
    return digest.hexdigest(), size


def sha256_file(path):
    with open(path, "rb") as stream:
        return sha256_stream(stream)


def _model_tables(existing):
    """``{table: (columns, primary key column)}`` of every model table in ``existing``."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped and meta.db_table in existing:
            tables[meta.db_table] = ([f.column for f in meta.local_concrete_fields], meta.pk.column)
    return tables


def table_fingerprint(cursor, existing, quote):
    """``{table: {"rows": n, "sha256": ...}}`` for every model table.

    ``cursor`` is a DB-API cursor (the backup copy, or the restored
    database), ``existing`` the names of its tables and ``quote`` the engine's
    identifier quoting. Rows are read in primary-key order and hashed through
    their ``repr``, so one engine gives one fingerprint for one content.
    """
    result = {}
    for table, (columns, pk) in sorted(_model_tables(set(existing)).items()):
        select = ", ".join(quote(column) for column in columns)
        cursor.execute(f"SELECT {select} FROM {quote(table)} ORDER BY {quote(pk)}")  # noqa: S608
        digest = hashlib.sha256()
        rows = 0
        while batch := cursor.fetchmany(2000):
            for row in batch:
                digest.update(repr(tuple(row)).encode())
            rows += len(batch)
        result[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return result
