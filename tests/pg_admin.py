"""An autocommit connection to the maintenance database ("postgres") of the server the
test database lives on: for CREATE/DROP DATABASE, which cannot run inside the test database."""

from django.db import connection


def postgres_admin():
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
