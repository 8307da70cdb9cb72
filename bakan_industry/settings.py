"""
Settings for the Bắc Kạn industrial zones portal.

Everything that differs between a laptop and production is read from the environment, with a
safe local default, so the same module serves `make run`, the tests and gunicorn. The variables
are listed, with their defaults, in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Keys anyone can read (this repository's history): never a key to sign with.
PUBLIC_KEYS = {"django-insecure-local-only-do-not-deploy-3f9a1c7e5b2d"}


def secret_key():
    """
    DJANGO_SECRET_KEY (production sets it); else this checkout's own random key, in the file
    DJANGO_SECRET_KEY_FILE names (var/secret-key, written by `make setup`, never committed);
    else, with debug on only, a fixed development key. A public key, or none with debug off,
    refuses to start.
    """
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    key_file = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / "var" / "secret-key"))
    if not key and key_file.is_file():
        key = key_file.read_text().strip()
    if not key and DEBUG:
        key = "django-insecure-debug-only"
    if not key or (key in PUBLIC_KEYS and not DEBUG):
        raise ImproperlyConfigured(
            "No secret key of this server's own: set DJANGO_SECRET_KEY (README, Production), "
            "or run `make setup`, which writes a random one to var/secret-key."
        )
    return key


SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is empty: name the hosts this server answers.")
# The portal's public address. Every absolute URL (hreflang links, sitemap, robots.txt, open
# data, spreadsheets) is built from it, never from a request's Host header, which a client
# chooses: one request with another port must not put that origin into cached pages.
PORTAL_ORIGIN = os.environ.get("PORTAL_ORIGIN", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "leaflet",
    "djgeojson",
    "import_export",
    "simple_history",
    "django_filters",
    "axes",
    # The layers, lowest first: the domains (investments builds on zones), then the app for
    # what spans both. Shared helpers below them live in the plain package `common`.
    "zones",
    "investments",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "bakan_industry.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A public page in the cache is answered here, before the session, CSRF, auth, messages,
    # history and axes middleware below it (common/caching.py).
    "common.caching.EarlyCachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A database outage becomes a friendly 503 page rather than a traceback.
    "bakan_industry.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: counts failed admin logins and locks out after too many.
    "axes.middleware.AxesMiddleware",
]
# QUERY_COUNT_HEADER=true adds X-Query-Count to every response: for the benchmark only.
if env_bool("QUERY_COUNT_HEADER"):
    MIDDLEWARE.insert(0, "bakan_industry.middleware.QueryCountHeaderMiddleware")

ROOT_URLCONF = "bakan_industry.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "bakan_industry.wsgi.application"

# SQLite needs no server; DATABASE_URL=postgres://… switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A PostgreSQL that accepts connections but does not answer must not hold a worker for a
# minute: connecting gives up after DATABASE_CONNECT_TIMEOUT seconds and a statement after
# DATABASE_STATEMENT_TIMEOUT_MS, and the request gets the short 503 page.
STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "30000"))
# A server that stops answering altogether (paused, overloaded) is given up on by the web
# workers after DATABASE_WAIT_SECONDS for any one answer (common/database_waits.py), /health/
# after HEALTH_DATABASE_WAIT_SECONDS: well inside gunicorn's 60 s, so no worker is killed. A
# request waits at most twice: Django's check of the connection it holds, then a new one.
DATABASE_WAIT_SECONDS = float(os.environ.get("DATABASE_WAIT_SECONDS", "15"))
HEALTH_DATABASE_WAIT_SECONDS = 1
POSTGRES_OPTIONS = {
    "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        **POSTGRES_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese is the default and lives at /, English under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Content fields (names, descriptions, notes) are stored in both languages; English falls
# back to Vietnamese where no translation has been written yet.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Leaflet.markercluster (MIT), installed from npm by `make` (package.json), served locally.
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"
# Where a login whose "next" is refused (another site's address) lands: the admin, not
# Django's /accounts/profile/, which this portal does not have.
LOGIN_REDIRECT_URL = "admin:index"

# --- Security -------------------------------------------------------------------------------
# DJANGO_HTTPS=true in production (behind TLS): secure cookies, HSTS and the HTTPS redirect.
# Everything else below holds everywhere, so the tests exercise what production runs.
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if os.environ.get("DJANGO_PROXY_SSL_HEADER"):  # e.g. "HTTP_X_FORWARDED_PROTO" behind nginx
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_PROXY_SSL_HEADER"], "https")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # the load balancer probes over plain HTTP
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_SECONDS", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
# The admin's address can be moved away from the well-known /admin/.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

# django-axes (common/login_throttling.py): within an hour, 5 failed logins for one username from
# one address, 20 for one username from anywhere (except addresses it has logged in from before),
# or 30 from one address lock out for an hour.
# `manage.py axes_reset_username NAME` unlocks an editor at once (README).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "common.login_throttling.ThreeLimitsHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_USERNAME_FAILURE_LIMIT", "20"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["username"], ["ip_address"]]
# Behind nginx (deploy/nginx.conf sets X-Real-IP) the client is the address the front server
# saw: DJANGO_CLIENT_IP_HEADER=HTTP_X_REAL_IP. Never set it without such a front server, or
# clients could name any address they like.
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "common.login_throttling.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"

# Local memory by default (one process: runserver, tests); CACHE_URL=redis://127.0.0.1:6379/1
# in production, where several gunicorn workers must share the pages and the data version.
CACHE_URL = os.environ.get("CACHE_URL", "")
# A Redis that hangs (paused, overloaded) must not hold every request: each call gives up after
# CACHE_SOCKET_TIMEOUT seconds, without retrying, and the page is built without the cache.
CACHE_SOCKET_TIMEOUT = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5"))
REDIS_CACHE_OPTIONS = {
    "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
    "socket_timeout": CACHE_SOCKET_TIMEOUT,
    "retry": Retry(NoBackoff(), retries=0),
}
CACHES = {
    "default": {
        "BACKEND": "common.redis_cache.RedisCache",
        "LOCATION": CACHE_URL,
        "OPTIONS": REDIS_CACHE_OPTIONS,
    }
    if CACHE_URL.startswith(("redis://", "rediss://"))
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}
}
# How long a public page stays in the cache; 0 turns the page cache off (the benchmark
# measures both). Edits invalidate cached pages at once whatever this is.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "3600"))
# Heavy files (the project list as .xlsx, .csv or JSON) built at once, all readers together:
# the others are told to retry (503), so that downloads never hold every worker.
HEAVY_BUILDS_AT_ONCE = int(os.environ.get("HEAVY_BUILDS_AT_ONCE", "1"))
# Where the time of the last data change is kept for good (it is every page's Last-Modified).
PUBLIC_PAGE_VERSION_STORE = "portal.models.DataVersion"

# The map's base layer. Tiles come from the network; tests and offline deployments blank it.
LEAFLET_TILES_URL = os.environ.get(
    "LEAFLET_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
LEAFLET_CONFIG = {
    # Centred on the former Bắc Kạn province; the pages then fit the view to their sites.
    # Zoom and panning allow the whole of Vietnam, so a national register fits too.
    "DEFAULT_CENTER": (22.15, 105.85),
    "DEFAULT_ZOOM": 9,
    "MIN_ZOOM": 5,
    "MAX_ZOOM": 18,
    "SPATIAL_EXTENT": (100.0, 6.0, 112.0, 25.0),
    "RESET_VIEW": False,
    "TILES": [
        (
            _("Map"),
            LEAFLET_TILES_URL,
            {"attribution": "&copy; OpenStreetMap contributors", "maxZoom": 18},
        )
    ]
    if LEAFLET_TILES_URL
    else [],
    "ATTRIBUTION_PREFIX": "Leaflet",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # A request naming a host that is not ours gets a 400; a traceback in the log for each
        # one would only let anyone fill the log.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
    },
}

# Dates and number separators per language (28/11/2023 and 28 Nov 2023); figures themselves are
# formatted in one place, common/formatting.py.
FORMAT_MODULE_PATH = ["bakan_industry.formats"]

# Spreadsheet import and export (django-import-export): imports run in a transaction and
# refuse files above this size before reading them.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
PROJECT_IMPORT_MAX_BYTES = int(os.environ.get("PROJECT_IMPORT_MAX_BYTES", 2 * 1024 * 1024))
# Checked before the file is parsed: an .xlsx is a zip that may unpack to gigabytes, and every
# row costs queries, so the row limit keeps an import well inside gunicorn's timeout (README).
PROJECT_IMPORT_MAX_UNPACKED_BYTES = int(
    os.environ.get("PROJECT_IMPORT_MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
)
PROJECT_IMPORT_MAX_ROWS = int(os.environ.get("PROJECT_IMPORT_MAX_ROWS", "2000"))
PROJECT_IMPORT_MAX_CELL_CHARACTERS = 2000
# The template has 13 columns; a few hundred empty ones kept a worker busy for 20 s.
PROJECT_IMPORT_MAX_COLUMNS = 50
PROJECT_IMPORT_PREVIEW_ROWS = 100
# Where a previewed file waits for the editor's confirmation: a private folder, not /tmp.
PROJECT_IMPORT_PREVIEW_DIR = os.environ.get(
    "PROJECT_IMPORT_PREVIEW_DIR", str(BASE_DIR / "var" / "import-previews")
)
PROJECT_IMPORT_PREVIEW_SECONDS = 3600

# Content Security Policy (Django's own): scripts and styles only from this site; public pages
# carry no inline script at all (the map starts from static/js/map.js), the admin's use the
# per-request nonce. Map tiles come from the tile server's origin:
# "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org".
TILE_ORIGIN = "/".join(LEAFLET_TILES_URL.replace("{s}", "*").split("/")[:3])
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *([TILE_ORIGIN] if TILE_ORIGIN.startswith("http") else [])],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
