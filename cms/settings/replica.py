"""Read replicas: DATABASE_REPLICA_URL adds the "replica" alias, the router and its middleware
(cms/core/db_router.py; docs/scale.md, "Read replicas")."""

import dj_database_url


def with_replica(databases, middleware, env):
    """Add the replica to ``databases`` and ``middleware`` when DATABASE_REPLICA_URL is set;
    returns the value for DATABASE_ROUTERS."""
    url = env.get("DATABASE_REPLICA_URL", "")
    if not url:
        return []
    replica = dj_database_url.parse(
        url,
        conn_max_age=databases["default"].get("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
    # A short connect timeout: an unreachable replica costs one request this long, then the
    # router reads from the primary for DATABASE_REPLICA_RETRY_SECONDS.
    options = replica.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", int(env.get("DATABASE_REPLICA_CONNECT_TIMEOUT", "2")))
    # Tests: the replica mirrors the test database (same data, no second test database).
    replica["TEST"] = {"MIRROR": "default"}
    databases["replica"] = replica
    middleware.insert(0, "cms.core.db_router.ReplicaPinMiddleware")
    return ["cms.core.db_router.ReplicaRouter"]


def replica_settings(databases, middleware, env):
    """DATABASE_ROUTERS and the DATABASE_REPLICA_* tuning, for base.py's globals."""
    return {
        "DATABASE_ROUTERS": with_replica(databases, middleware, env),
        # After the replica fails (or lags), read from the primary this long before trying again.
        "DATABASE_REPLICA_RETRY_SECONDS": float(env.get("DATABASE_REPLICA_RETRY_SECONDS", "10")),
        # More than this many seconds behind counts as down; checked every LAG_CHECK seconds.
        "DATABASE_REPLICA_MAX_LAG": float(env.get("DATABASE_REPLICA_MAX_LAG", "30")),
        "DATABASE_REPLICA_LAG_CHECK_SECONDS": float(
            env.get("DATABASE_REPLICA_LAG_CHECK_SECONDS", "5")
        ),
        # A logged-in reader reads from the primary this long after a POST (a cookie).
        "DATABASE_REPLICA_PIN_SECONDS": int(env.get("DATABASE_REPLICA_PIN_SECONDS", "5")),
    }
