"""
The production stack of README's "Production" section: nginx in front, gunicorn behind it.

Renders deploy/nginx.conf into var/run/, starts gunicorn on a loopback port and nginx on
HOST:PORT, and stops both when either stops or on Ctrl-C / SIGTERM. PostgreSQL and Redis are
the environment's (DATABASE_URL, CACHE_URL), as the README sets them.

    .venv/bin/python scripts/serve_production.py --listen 0.0.0.0:80 --workers 3
"""

import argparse
import ipaddress
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def nginx_user():
    """nginx's workers run as www-data when started as root (never as root themselves)."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    try:
        pwd.getpwnam("www-data")
        return "www-data"
    except KeyError:
        return "nobody"


def trusted_proxies():
    """
    The proxies in front (PORTAL_TRUSTED_PROXIES: addresses or networks, separated by spaces
    or commas) whose X-Forwarded-For and X-Forwarded-Proto nginx believes; none by default.
    A value that is not an address or a network stops the start, with the reason.
    """
    given = os.environ.get("PORTAL_TRUSTED_PROXIES", "").replace(",", " ").split()
    try:
        return [str(ipaddress.ip_network(value, strict=False)) for value in given]
    except ValueError as error:
        raise SystemExit(f"PORTAL_TRUSTED_PROXIES: {error}") from None


def proxy_settings(proxies):
    """The realip lines and the geo block's lines of deploy/nginx.conf for these proxies."""
    if not proxies:
        return "    # (no trusted proxy: PORTAL_TRUSTED_PROXIES is empty)", ""
    real_ip = [f"    set_real_ip_from {network};" for network in proxies]
    real_ip += ["    real_ip_header X-Forwarded-For;", "    real_ip_recursive on;"]
    trusted_geo = "\n".join(f"        {network} 1;" for network in proxies)
    return "\n".join(real_ip), trusted_geo


def render_config(listen, upstream, run_dir, log_dir):
    user = nginx_user()
    real_ip, trusted_geo = proxy_settings(trusted_proxies())
    for folder in (run_dir, log_dir):
        folder.mkdir(parents=True, exist_ok=True)
    for temp in ("client-body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / temp).mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(run_dir / temp, user=user)
    template = (ROOT / "deploy" / "nginx.conf").read_text()
    config = template.format(
        user=user,
        run_dir=run_dir,
        log_dir=log_dir,
        listen=listen,
        upstream=upstream,
        static_root=ROOT / "staticfiles",
        real_ip=real_ip,
        trusted_geo=trusted_geo,
    )
    path = run_dir / "nginx.conf"
    path.write_text(config)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:8000", help="nginx's address")
    parser.add_argument("--upstream", default="127.0.0.1:8001", help="gunicorn's (loopback)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--run-dir", type=Path, default=ROOT / "var" / "run")
    parser.add_argument("--log-dir", type=Path, default=ROOT / "var" / "log")
    options = parser.parse_args()

    config = render_config(options.listen, options.upstream, options.run_dir, options.log_dir)
    subprocess.run(["nginx", "-t", "-q", "-c", str(config)], check=True)
    gunicorn = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "bakan_industry.wsgi",
            "--bind", options.upstream,
            "--workers", str(options.workers),
            "--timeout", "60",
            # Workers are replaced now and then, so that no slow leak lasts.
            "--max-requests", "2000",
            "--max-requests-jitter", "200",
            "--access-logfile", str(options.log_dir / "gunicorn-access.log"),
        ],
        cwd=ROOT,
    )  # fmt: skip
    nginx = subprocess.Popen(["nginx", "-c", str(config), "-g", "daemon off;"], cwd=ROOT)
    print(f"Serving on http://{options.listen}/ (nginx → gunicorn on {options.upstream})")

    def stop(*_args):
        for process in (nginx, gunicorn):
            if process.poll() is None:
                process.terminate()
        for process in (nginx, gunicorn):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()

    signal.signal(signal.SIGTERM, lambda *args: (stop(), sys.exit(0)))
    try:
        while nginx.poll() is None and gunicorn.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    stop()
    return max(nginx.returncode or 0, gunicorn.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())
