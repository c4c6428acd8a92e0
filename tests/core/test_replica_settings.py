"""DATABASE_REPLICA_URL in the settings (cms/settings/replica.py); the router against a real
replica is tested in tests/deploy/test_replica.py (PostgreSQL run)."""

from cms.core.db_router import ReplicaRouter
from cms.settings.replica import replica_settings


def _default():
    return {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60}}


def test_without_a_replica_url_nothing_changes():
    databases, middleware = _default(), ["a"]
    values = replica_settings(databases, middleware, {})
    assert values["DATABASE_ROUTERS"] == []
    assert list(databases) == ["default"] and middleware == ["a"]


def test_a_replica_url_adds_the_alias_router_and_middleware():
    databases, middleware = _default(), ["django.middleware.security.SecurityMiddleware"]
    env = {
        "DATABASE_REPLICA_URL": "postgres://reader@replica.example:5433/stdv",
        "DATABASE_REPLICA_CONNECT_TIMEOUT": "1",
        "DATABASE_REPLICA_MAX_LAG": "12",
    }
    values = replica_settings(databases, middleware, env)
    assert values["DATABASE_ROUTERS"] == ["cms.core.db_router.ReplicaRouter"]
    assert values["DATABASE_REPLICA_MAX_LAG"] == 12
    replica = databases["replica"]
    assert (replica["HOST"], replica["PORT"], replica["NAME"]) == ("replica.example", 5433, "stdv")
    assert replica["OPTIONS"]["connect_timeout"] == 1
    assert replica["CONN_MAX_AGE"] == 60 and replica["CONN_HEALTH_CHECKS"] is True
    assert replica["TEST"] == {"MIRROR": "default"}
    assert middleware[0] == "cms.core.db_router.ReplicaPinMiddleware"


def test_migrations_run_only_on_the_primary():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "wagtailcore")
    assert not router.allow_migrate("replica", "wagtailcore")
