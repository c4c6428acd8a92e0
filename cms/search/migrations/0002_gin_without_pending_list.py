"""On PostgreSQL, the search index's GIN indexes are written directly (``fastupdate = off``).

With the default pending list, a bulk publish or ``update_index`` leaves new
entries in an unsorted list that every search scans until (auto)vacuum merges
it: in ``bench/search_bench.py`` an all-words title query took 28 ms instead
of 0.8 ms. A handbook publishes a few pages an hour, so paying at write time
is the right trade. Nothing happens on other databases.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def gin_indexes(cursor):
    cursor.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef ILIKE %s",
        [TABLE, "% USING gin %"],
    )
    return [row[0] for row in cursor.fetchall()]


def set_fastupdate(value):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for name in gin_indexes(cursor):
                cursor.execute(f'ALTER INDEX "{name}" SET (fastupdate = {value})')

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_pending_index_update"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(set_fastupdate("off"), set_fastupdate("on"))]
