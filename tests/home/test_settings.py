"""Settings come from the environment; production refuses to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_django(args, env_overrides, settings="cms.settings.production"):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            "DEBUG",
            # set by the browser tests in the same worker; check --deploy rejects it
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": settings, **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_settings(env_overrides, settings="cms.settings.production"):
    code = (
        "import json, django; from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'dbname': str(s.DATABASES['default']['NAME']), "
        "'cache': s.CACHES['default']['BACKEND'], 'search': s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], "
        "'storage': s.STORAGES['default']['BACKEND'], 'hosts': s.ALLOWED_HOSTS, 'debug': s.DEBUG, "
        "'lang': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE, 'sqlite_opts': s.DATABASES['default'].get('OPTIONS', {})}))"
    )
    result = run_django(["shell", "-c", code], env_overrides, settings)
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


PROD_ENV = {
    "SECRET_KEY": "k3J9-vQ2_mZr8LwT5yHc1NbX6pFa0GdE4sUo7iKe2RqV9tYjWn",
    "ALLOWED_HOSTS": "sotay.dongnai.example",
    "REDIS_URL": "redis://127.0.0.1:6379/7",
}


def test_defaults_are_sqlite_database_search_and_local_media():
    s = read_settings({}, settings="cms.settings.dev")
    assert s["db"] == "django.db.backends.sqlite3"
    assert s["dbname"].endswith("db.sqlite3")
    assert "journal_mode=WAL" in s["sqlite_opts"]["init_command"]
    assert s["search"] == "cms.search.sqlite_backend"
    assert s["storage"] == "django.core.files.storage.FileSystemStorage"
    assert s["lang"] == "vi" and s["tz"] == "Asia/Ho_Chi_Minh"


def test_services_are_read_from_the_environment():
    s = read_settings(
        {
            **PROD_ENV,
            "DATABASE_URL": "postgres://u:p@db.example:5432/stdv",
            "REDIS_URL": "redis://cache.example:6379/1",
            "ELASTICSEARCH_URL": "http://es.example:9200",
            "AWS_STORAGE_BUCKET_NAME": "stdv-media",
        }
    )
    assert s["db"] == "django.db.backends.postgresql"
    assert s["dbname"] == "stdv"
    assert s["cache"] == "django_redis.cache.RedisCache"
    assert s["search"] == "cms.search.backends.ResilientElasticsearch8Backend"
    assert s["storage"] == "storages.backends.s3.S3Storage"
    assert s["hosts"] == ["sotay.dongnai.example"]
    assert s["debug"] is False


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}
    result = run_django(["check"], env)
    assert result.returncode != 0
    assert f"Thiếu biến môi trường {missing}" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
