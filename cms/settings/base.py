"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see the
configuration table in README.md). ``DEBUG`` is off unless a settings module
or the environment turns it on.
"""

import os
from pathlib import Path

import dj_database_url

env = os.environ.copy()

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = env.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# seed_demo refuses to run where this is False (production) unless asked explicitly.
DEMO_DATA_ALLOWED = True
SECRET_KEY = env.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "cms.home",
    "cms.security",
    "cms.visits",
    "cms.news",
    "cms.documents",
    "cms.bulletins",
    "cms.resolutions",
    "cms.members",
    "cms.meetings",
    "cms.study",
    "cms.search",
    "cms.files",
    "editorial_workflows",
    "cms.caching",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.home.middleware.AdminFramingMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.visits.middleware.VisitCounterMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, or a SQLite file in the project folder (WAL mode so
# that readers never wait for the writer).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=5000;"
            ),
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and counters: Redis when REDIS_URL is set (production requires it),
# otherwise memory. With Redis down the site keeps serving: cache errors are logged and
# read as misses (django-redis IGNORE_EXCEPTIONS), and sessions live in the database
# with Redis as their cache ("cached_db"), so a Redis restart logs nobody out.
REDIS_URL = env.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "stdv"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "stdv",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/dang-nhap/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Vietnamese first.
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured. Objects
# are private: files are served through the site or by short-lived signed URLs.
AWS_STORAGE_BUCKET_NAME = env.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env.get("AWS_S3_REGION_NAME", "us-east-1")
    AWS_ACCESS_KEY_ID = env.get("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env.get("AWS_SECRET_ACCESS_KEY")
    AWS_DEFAULT_ACL = "private"
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = int(env.get("AWS_QUERYSTRING_EXPIRE", "300"))
    AWS_S3_FILE_OVERWRITE = False
    AWS_LOCATION = env.get("AWS_LOCATION", "media")
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
X_FRAME_OPTIONS = "DENY"

# Wagtail
WAGTAIL_SITE_NAME = "Sổ tay đảng viên điện tử"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "mp3", "mp4"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
UPLOAD_MAX_SIZE = int(env.get("UPLOAD_MAX_SIZE", str(50 * 1024 * 1024)))
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_SIZE
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_SIZE
WAGTAILDOCS_DOCUMENT_MODEL = "files.ProtectedDocument"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Search (see docs/search.md): Wagtail's database backend unless ELASTICSEARCH_URL
# (Elasticsearch 8) or OPENSEARCH_URL is set; then the "database" backend is kept
# up to date beside it and answers whenever the search server cannot.
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = env.get("OPENSEARCH_URL", "")
DATABASE_SEARCH_BACKEND = {
    # Wagtail's database backend, with our faster query plans on PostgreSQL and SQLite
    # (each engine's module imports only that engine's Wagtail backend).
    "BACKEND": {
        "django.db.backends.postgresql": "cms.search.postgres_backend",
        "django.db.backends.sqlite3": "cms.search.sqlite_backend",
    }.get(DATABASES["default"]["ENGINE"], "wagtail.search.backends.database"),
    # PostgreSQL: no stemming or stop words; folding is done in cms/search.
    "SEARCH_CONFIG": "simple",
}
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
if ELASTICSEARCH_URL or OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": (
                "cms.search.backends.ResilientElasticsearch8Backend"
                if ELASTICSEARCH_URL
                else "cms.search.backends.ResilientOpenSearch3Backend"
            ),
            "URLS": [ELASTICSEARCH_URL or OPENSEARCH_URL],
            "INDEX_PREFIX": env.get("SEARCH_INDEX_PREFIX", "stdv_"),
            "TIMEOUT": int(env.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "INDEX_SETTINGS": {},
        },
        "database": DATABASE_SEARCH_BACKEND,
    }

# Background work (django-tasks). Immediate by default; production may use a
# database-backed queue with a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "sotaydangvien@dongnai.local")

# Content Security Policy: no inline script or style, nothing from elsewhere.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    # The Wagtail admin still needs inline styles and scripts of its own.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# Visit counters: how often the in-process buffer is flushed to the database
# when Redis is not configured.
VISIT_COUNTER_FLUSH_SECONDS = int(env.get("VISIT_COUNTER_FLUSH_SECONDS", "30"))
ONLINE_WINDOW_SECONDS = 300

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}

# --- files ---
# Uploads are checked by content (cms/files/validation.py) in these forms.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.files.forms.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.files.forms.CheckedImageForm"
# Documents always go through /documents/<id>/<name>, where the permission
# checks run. "serve_view" streams the file through the site (also from S3);
# "redirect" sends an allowed user to a short-lived signed S3 URL instead.
WAGTAILDOCS_SERVE_METHOD = env.get("DOCUMENTS_SERVE_METHOD", "serve_view")
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Images: as private as the pages using them (cms/files/models.py). Originals
# and the renditions of private images live in folders of MEDIA_ROOT that are
# never served as media (the web server in front must refuse them too, see
# docs/files.md); public renditions stay plain media files under images/.
WAGTAILIMAGES_IMAGE_MODEL = "files.ProtectedImage"
MEDIA_PRIVATE_FOLDERS = ["documents", "original_images", "protected_images"]
# The only folder the development server serves under /media/ (cms/files/public_media.py).
MEDIA_PUBLIC_FOLDERS = ["images"]
# Wagtail's own view restrictions (pages, collections) send visitors to our login page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# --- meetings ---
# Quorum of a cell meeting: "more_than_half" or "two_thirds" of the members who must attend
# (the default for new meetings; each meeting keeps the rule it was created with).
MEETINGS_QUORUM_RULE = env.get("MEETINGS_QUORUM_RULE", "more_than_half")
# TrueType fonts with Vietnamese letters for the PDF minutes (Debian: fonts-dejavu-core).
MEETINGS_PDF_FONT = env.get("MEETINGS_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MEETINGS_PDF_FONT_BOLD = env.get(
    "MEETINGS_PDF_FONT_BOLD", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)

# --- editorial workflows ---
# Classified document numbers the state-secret screening looks for (comma
# separated in the environment; matched whatever the spacing, case or accents).
SECRECY_CLASSIFIED_NUMBERS = env_list("SECRECY_CLASSIFIED_NUMBERS", "")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The approved workflow publishes (or schedules) the page on its own authority.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial_workflows.finish.publish_approved"

# --- content ---
INSTALLED_APPS += ["cms.content_import", "wagtail.contrib.routable_page"]  # noqa: F405
# /en/… pages with no English page fall back to Vietnamese; pages routed from the cache (routing.py).
MIDDLEWARE += ["cms.home.translation.TranslationFallbackMiddleware", "cms.caching.routing.CachedRouteMiddleware"]  # fmt: skip

# --- members ---
# Log in with card number or phone; one-time activation codes; Vietnamese
# password rules; login-rate dashboard.
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked login name + address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "cms.members.backends.MemberBackend",
]
MIDDLEWARE += [
    "cms.members.middleware.IdleTimeoutMiddleware",
    "cms.members.middleware.ForcePasswordChangeMiddleware",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "cms.members.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "cms.members.validators.PersonalDataValidator"},
    {"NAME": "cms.members.validators.CommonPasswordValidator"},
]
# Login lockouts (django-axes, see cms/members/lockout.py): failures counted per login
# name and client address together; past the limit the pair waits, and every further
# failure doubles the wait up to the maximum.
LOGIN_FAILURE_LIMIT = int(env.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(env.get("LOGIN_COOLOFF_MINUTES", "15"))
LOGIN_COOLOFF_MAX_MINUTES = int(env.get("LOGIN_COOLOFF_MAX_MINUTES", "240"))
# Reverse proxies in front of the site (addresses or networks, comma separated): only a
# request from one of them has its X-Forwarded-For believed (cms/members/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last: turns a lockout into our answer
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "cms.members.lockout.failure_limit"
AXES_COOLOFF_TIME = "cms.members.lockout.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True  # each pair keeps its own (progressive) wait
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "cms.members.lockout.login_name"
AXES_CLIENT_IP_CALLABLE = "cms.members.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.members.lockout.locked_out"
AXES_ENABLE_ADMIN = False  # unlocking is in the Wagtail admin (Đảng viên → Đăng nhập bị khóa)
AXES_DISABLE_ACCESS_LOG = True  # successful logins are counted on the member (record_login)
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "ip_address", "csrfmiddlewaretoken"]
ACTIVATION_CODE_DAYS = int(env.get("ACTIVATION_CODE_DAYS", "30"))
LOGIN_RATE_THRESHOLD = float(env.get("LOGIN_RATE_THRESHOLD", "0.6"))
MEMBERS_PDF_FONT = env.get("MEMBERS_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MEMBERS_PDF_FONT_BOLD = env.get(
    "MEMBERS_PDF_FONT_BOLD", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)
MEMBERS_IMPORT_MAX_BYTES = int(env.get("MEMBERS_IMPORT_MAX_BYTES", str(30 * 1024 * 1024)))
# An XLSX roster unpacks to at most this many bytes, and a roster has at most this many rows.
MEMBERS_IMPORT_MAX_UNPACKED_BYTES = int(
    env.get("MEMBERS_IMPORT_MAX_UNPACKED_BYTES", str(100 * 1024 * 1024))
)
MEMBERS_IMPORT_MAX_ROWS = int(env.get("MEMBERS_IMPORT_MAX_ROWS", "200000"))

# --- i18n ---
# Wagtail's login form with its untranslated password label fixed (cms/home/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.home.forms.AdminLoginForm"
# No Gravatar: avatars would load from an external site (blocked by the CSP and
# useless offline); Wagtail then shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- search ---
# Pages the search backend hands over for filtering and ranking per query.
SEARCH_MAX_CANDIDATES = int(env.get("SEARCH_MAX_CANDIDATES", "500"))
# After a search server fails, how long to answer from the database before trying it again.
SEARCH_CIRCUIT_SECONDS = int(env.get("SEARCH_CIRCUIT_SECONDS", "30"))
# Read queries also as Telex/VNI keystrokes, abbreviations, numbers, joined words and
# typos (cms/search/interpret.py); literal matches always come first.
SEARCH_INTERPRET = env_bool("SEARCH_INTERPRET", True)

# --- reading aids and offline reading (cms/pwa) ---
# Text size and contrast from the reader's cookies, the manifest, the service
# worker and the headers that tell it what it may keep offline and for whom.
INSTALLED_APPS += ["cms.pwa"]  # noqa: F405
MIDDLEWARE += ["cms.pwa.middleware.OfflineHeadersMiddleware"]  # noqa: F405

# --- security (cms/settings/security.py, cms/security, SECURITY.md) ---
from .security import *  # noqa: E402,F401,F403

MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "cms.security.middleware.SecurityHeadersMiddleware")  # fmt: skip
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1, "cms.security.middleware.RejectInvalidInputMiddleware")  # fmt: skip
globals().update(accounts_settings(INSTALLED_APPS, MIDDLEWARE))  # 2FA, notice: accounts.py
# --- read replicas: DATABASE_REPLICA_URL (cms/settings/replica.py, cms/core/db_router.py) ---
from .replica import replica_settings  # noqa: E402

globals().update(replica_settings(DATABASES, MIDDLEWARE, env))  # DATABASE_ROUTERS, ..._REPLICA_*
