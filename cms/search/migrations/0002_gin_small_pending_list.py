"""On PostgreSQL, the search index's GIN indexes keep a small pending list (256 kB).

New index entries first go to an unsorted pending list that every search
scans until (auto)vacuum or a full list merges it into the index. With the
default 4 MB list, a bulk publish or ``update_index`` left searches slow: in
``bench/search_bench.py`` an all-words title query took 28 ms instead of
0.8 ms until the table was vacuumed. Turning the list off (``fastupdate =
off``) made ``update_index`` crawl, since Wagtail rewrites every entry's
``title_norm`` after a model is indexed. A 256 kB list keeps writes batched
and the scan short. Nothing happens on other databases.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
PENDING_LIST_KB = 256


def gin_indexes(cursor):
    cursor.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef ILIKE %s",
        [TABLE, "% USING gin %"],
    )
    return [row[0] for row in cursor.fetchall()]


def set_limit(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in gin_indexes(cursor):
            cursor.execute(f'ALTER INDEX "{name}" SET (gin_pending_list_limit = {PENDING_LIST_KB})')


def reset_limit(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in gin_indexes(cursor):
            cursor.execute(f'ALTER INDEX "{name}" RESET (gin_pending_list_limit)')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_pending_index_update"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(set_limit, reset_limit)]
