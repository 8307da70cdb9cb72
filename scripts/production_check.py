"""
The production stack (nginx → gunicorn → PostgreSQL, Redis) against slow clients and junk.

Starts scripts/serve_production.py on loopback with a throw-away database, then:
  1. opens 50 connections that send one header line every 2 seconds (slowloris) and keeps
     asking /health/ meanwhile: every answer must come within a second;
  2. sends a 100 MB POST (to a public page and to the admin's import): nginx must refuse it
     from its Content-Length, with nothing written to disk and nothing reaching gunicorn;
  3. sends bytes that are not HTTP, and a request with another site's Host;
  4. opens 9,000 connections that send half a header and stop, and keeps asking /health/
     meanwhile: every answer must come within a second;
then, on the same stack, its dependencies stop answering:
  5. Redis paused (CLIENT PAUSE): pages still served within a second or two, /health/ says
     "degraded", and "ok" again once Redis answers;
  6. PostgreSQL paused (every process of the cluster stopped with SIGSTOP, so it accepts
     connections and says nothing): a kept page is still served, a fresh one is a 503 within
     DATABASE_WAIT_SECONDS and DATABASE_CONNECT_TIMEOUT, /health/ a 503 within 3 s; all 200
     again once it resumes;
(and, with no trusted proxy, 150 requests each claiming another X-Forwarded-For are still one
client to the limit, since nobody vouches for the header); then starts the stack again as the
README's layout runs it, behind a proxy that ends TLS (PORTAL_TRUSTED_PROXIES=127.0.0.1,
DJANGO_HTTPS=true), and checks that
  7. a page asked for over https (X-Forwarded-Proto) is served, not redirected to itself, and
     one asked for over http is redirected to https once;
  8. the request limit counts each client (X-Forwarded-For), not the proxy: one client over
     the limit gets 429 while another is still served;
and last, at national scale (2,000 sites, 50,000 projects):
  9. six readers at once ask for the project list's .xlsx and projects.json while /health/ is
     polled: each gets its file or a 503 with Retry-After (never a 500 or a 504), /health/ stays
     quick, and the files are then served to everyone from the cache.
Prints what it saw and exits non-zero when an expectation fails. Every connection goes to
127.0.0.1 only, and the script stops by itself.

    make production-check
"""

import http.client
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serverlib import HOST, ROOT, environment, fresh_database, manage  # noqa: E402

PORT, UPSTREAM = 8090, 8091
SLOW_CLIENTS, SLOW_SECONDS = 50, 20
RUN_DIR = ROOT / "var" / "production-check"
WAIT_SECONDS = 15  # the production default of DATABASE_WAIT_SECONDS
CONNECT_SECONDS = 5  # and of DATABASE_CONNECT_TIMEOUT


def start_stack(env):
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "serve_production.py"),
         "--listen", f"{HOST}:{PORT}", "--upstream", f"{HOST}:{UPSTREAM}", "--workers", "2",
         "--run-dir", str(RUN_DIR / "run"), "--log-dir", str(RUN_DIR / "log")],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(150):
        try:
            if health()[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the production stack did not start")


def health():
    """(status, seconds) of one GET /health/ on a new connection."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", "/health/", headers={"Host": HOST})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.monotonic() - started


def slow_client(stop_at):
    """Sends a request's headers one line every 2 seconds, never finishing them."""
    try:
        with socket.create_connection((HOST, PORT), timeout=5) as connection:
            connection.sendall(f"GET / HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            number = 0
            while time.monotonic() < stop_at:
                time.sleep(2)
                number += 1
                connection.sendall(f"X-Slow-{number}: {'a' * 10}\r\n".encode())
    except OSError:
        pass  # nginx closed it (client_header_timeout): as it should


def check_slow_clients():
    stop_at = time.monotonic() + SLOW_SECONDS
    threads = [
        threading.Thread(target=slow_client, args=(stop_at,), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)
    timings = []
    while time.monotonic() < stop_at:
        status, seconds = health()
        timings.append((status, seconds))
        time.sleep(0.5)
    for thread in threads:
        thread.join(timeout=5)
    worst = max(seconds for _status, seconds in timings)
    all_ok = all(status == 200 for status, _seconds in timings)
    print(
        f"1. {SLOW_CLIENTS} slow clients for {SLOW_SECONDS} s: /health/ asked {len(timings)} "
        f"times, all 200: {all_ok}, slowest answer {worst * 1000:.0f} ms"
    )
    return all_ok and worst < 1.0


def big_post(path):
    """Announces 100 MB, sends what nginx lets through; (status line, bytes sent, seconds)."""
    size = 100 * 1024 * 1024
    started = time.monotonic()
    sent = 0
    with socket.create_connection((HOST, PORT), timeout=10) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/octet-stream"
            f"\r\nContent-Length: {size}\r\n\r\n".encode()
        )
        chunk = b"x" * 65536
        connection.settimeout(0.5)
        answer = b""
        while sent < size and time.monotonic() - started < 20:
            try:
                answer += connection.recv(4096)
                if answer:
                    break
            except TimeoutError:
                pass
            try:
                connection.sendall(chunk)
                sent += len(chunk)
            except OSError:
                break
        if not answer:
            connection.settimeout(5)
            try:
                answer = connection.recv(4096)
            except OSError:
                answer = b""
    status = answer.split(b"\r\n", 1)[0].decode(errors="replace")
    return status, sent, time.monotonic() - started


def body_files():
    folder = RUN_DIR / "run" / "client-body"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def gunicorn_saw(path):
    log = RUN_DIR / "log" / "gunicorn-access.log"
    return log.exists() and f"POST {path}" in log.read_text()


def check_big_posts():
    ok = True
    for path in ["/projects/", "/admin/investments/project/import/"]:
        status, sent, seconds = big_post(path)
        refused = " 413 " in f" {status} "
        untouched = not body_files() and not gunicorn_saw(path)
        print(
            f"2. 100 MB POST to {path}: {status!r} after {sent / 2**20:.1f} MB sent, "
            f"{seconds:.2f} s; nothing on disk and nothing at gunicorn: {untouched}"
        )
        ok = ok and refused and untouched
    return ok


def check_junk():
    with socket.create_connection((HOST, PORT), timeout=5) as connection:
        connection.sendall(os.urandom(2048) + b"\r\n\r\n")
        junk = connection.recv(200).split(b"\r\n", 1)[0].decode(errors="replace")
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", "/", headers={"Host": "evil.example"})
    response = connection.getresponse()
    response.read()
    print(f"3. 2 KB of random bytes: {junk!r}; Host evil.example: {response.status}")
    return junk.startswith("HTTP/1.1 400") and response.status == 400


def request(path, headers=None):
    """The response (status, Location) to one GET on a new connection, as nginx gives it."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, response.getheader("Location")


HALF_HEADER_CONNECTIONS = 9000


def check_half_headers():
    """Connections that never finish their headers must not starve the real clients."""
    resource.setrlimit(
        resource.RLIMIT_NOFILE, (20000, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
    )
    held = []
    try:
        for _ in range(HALF_HEADER_CONNECTIONS):
            connection = socket.create_connection((HOST, PORT), timeout=5)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: " + HOST.encode() + b"\r\nX-Half: ")
            held.append(connection)
        timings = []
        for _ in range(10):
            status, seconds = health()
            timings.append(seconds if status == 200 else 99)
            time.sleep(0.5)
    finally:
        for connection in held:
            connection.close()
    slowest = max(timings)
    print(
        f"4. {len(held)} connections holding half a header: /health/ answered 10 of 10, "
        f"slowest {slowest:.2f} s"
        if slowest < 1
        else f"4. /health/ failed or slow: {timings}"
    )
    return slowest < 1


def check_forwarded_for_not_believed():
    statuses = [
        request("/robots.txt", {"X-Forwarded-For": f"198.51.100.{n % 250}"})[0] for n in range(150)
    ]
    limited = statuses.count(429)
    print(f"   150 requests, each claiming another X-Forwarded-For: {limited} refused (429)")
    return limited > 0


def check_behind_a_tls_proxy():
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}
    served = request("/robots.txt", https)
    redirected = request("/robots.txt", {**https, "X-Forwarded-Proto": "http"})
    print(
        f"7. over https (X-Forwarded-Proto): {served[0]}; over http: {redirected[0]} to "
        f"{redirected[1]}"
    )
    scheme_ok = served[0] == 200 and redirected[0] == 301
    scheme_ok = scheme_ok and (redirected[1] or "").startswith("https://")
    # One client well over 30 requests a second (bursts of 60), another after it.
    busy = {**https, "X-Forwarded-For": "203.0.113.7"}
    statuses = [request("/robots.txt", busy)[0] for _ in range(150)]
    other = request("/robots.txt", {**https, "X-Forwarded-For": "203.0.113.8"})[0]
    limited = statuses.count(429)
    print(f"8. one client, 150 requests at once: {limited} refused (429); another client: {other}")
    return scheme_ok and limited > 0 and other == 200


def timed_get(path):
    """(status, seconds, body) of one GET through nginx."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=90)
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, time.monotonic() - started, body


def health_says():
    status, seconds, body = timed_get("/health/")
    return status, seconds, body.decode(errors="replace")


def check_redis_paused():
    import redis

    timed_get("/sites/")  # kept in Redis before the pause
    redis.Redis(host=HOST, port=6379).client_pause(8000)
    time.sleep(0.2)
    page = timed_get("/sites/")
    health = health_says()
    time.sleep(9)
    after = health_says()
    print(
        f"5. Redis paused: /sites/ {page[0]} in {page[1]:.1f} s; /health/ {health[0]} in "
        f"{health[1]:.1f} s {health[2]}; once it answers: {after[2]}"
    )
    return (
        page[0] == 200
        and page[1] < 3
        and '"degraded"' in health[2]
        and health[1] < 3
        and '"ok"' in after[2]
    )


def postgresql_processes():
    found = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True)  # noqa: S607
    return [int(pid) for pid in found.stdout.split()]


def check_postgresql_paused(wait_seconds):
    timed_get("/sites/")  # kept before the pause
    processes = postgresql_processes()
    for pid in processes:
        os.kill(pid, signal.SIGSTOP)
    try:
        kept = timed_get("/sites/")
        fresh = timed_get("/en/search/?q=quang")
        health = health_says()
    finally:
        for pid in processes:
            os.kill(pid, signal.SIGCONT)
    time.sleep(1)
    after = [timed_get(path)[0] for path in ["/health/", "/en/search/?q=chu", "/health/"]]
    print(
        f"6. PostgreSQL paused ({len(processes)} processes): kept page {kept[0]} in "
        f"{kept[1]:.1f} s; fresh page {fresh[0]} in {fresh[1]:.1f} s; /health/ {health[0]} in "
        f"{health[1]:.1f} s; once it resumes: {after}"
    )
    return (
        bool(processes)
        and kept[0] == 200
        and kept[1] < 1
        and fresh[0] == 503
        # The connection it holds waits its limit, then a new one the connect timeout.
        and fresh[1] < wait_seconds + CONNECT_SECONDS + 2
        and health[0] == 503
        and health[1] < 3
        and after[-2:] == [200, 200]
    )


NATIONAL_DOWNLOADS = ["/projects/download.xlsx", "/api/projects.json"]


def check_national_downloads():
    answers, healths = [], []

    def reader(path):
        status, seconds, _body = timed_get(path)
        answers.append((path, status, seconds))

    readers = [
        threading.Thread(target=reader, args=(path,))
        for path in NATIONAL_DOWNLOADS
        for _ in range(3)
    ]
    for thread in readers:
        thread.start()
    while any(thread.is_alive() for thread in readers):
        healths.append(health_says()[:2])
        time.sleep(0.5)
    for thread in readers:
        thread.join()
    # The first builds may have been refused (503 while another file was being built): ask
    # until each is kept, then once more, as any reader would.
    built = {}
    for path in NATIONAL_DOWNLOADS:
        for _ in range(30):
            status, seconds, _body = timed_get(path)
            if status == 200:
                built[path] = timed_get(path)[:2]
                break
            time.sleep(2)
    statuses = sorted({status for _path, status, _seconds in answers})
    slowest = max(seconds for _path, _status, seconds in answers)
    slowest_health = max(seconds for _status, seconds in healths)
    print(
        f"9. 2,000 sites, 50,000 projects; 6 readers at once: statuses {statuses}, slowest "
        f"{slowest:.1f} s; /health/ asked {len(healths)} times, all 200: "
        f"{all(status == 200 for status, _s in healths)}, slowest {slowest_health:.2f} s; "
        "then kept: "
        + ", ".join(
            f"{path} {status} in {seconds:.2f} s" for path, (status, seconds) in built.items()
        )
    )
    return (
        set(statuses) <= {200, 503}
        and all(status == 200 for status, _seconds in healths)
        and slowest_health < 1
        and len(built) == len(NATIONAL_DOWNLOADS)
        and all(status == 200 and seconds < 1 for status, seconds in built.values())
    )


def main():
    database = "bakan_industry_production_check"
    env = fresh_database(database, "redis://127.0.0.1:6379/5")
    env = environment(
        database,
        "redis://127.0.0.1:6379/5",
        3600,
        DJANGO_CLIENT_IP_HEADER="HTTP_X_REAL_IP",
        PORTAL_ORIGIN=f"http://{HOST}:{PORT}",
        DATABASE_WAIT_SECONDS=str(WAIT_SECONDS),
    )
    manage("load_facts", "-v0", env=env)
    stack = start_stack(env)
    try:
        print(f"Production stack on http://{HOST}:{PORT}/ (nginx → gunicorn, PostgreSQL, Redis)")
        results = [check_slow_clients(), check_big_posts(), check_junk(), check_half_headers()]
        results.append(check_forwarded_for_not_believed())
        results.append(check_redis_paused())
        results.append(check_postgresql_paused(WAIT_SECONDS))
    finally:
        stack.terminate()
        stack.wait(timeout=30)
    behind_proxy = {
        **env,
        "PORTAL_TRUSTED_PROXIES": "127.0.0.1",
        "DJANGO_HTTPS": "true",
        "DJANGO_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    }
    stack = start_stack(behind_proxy)
    try:
        print("The same stack behind a proxy that ends TLS (the README's layout):")
        results.append(check_behind_a_tls_proxy())
    finally:
        stack.terminate()
        stack.wait(timeout=30)
    national = "bakan_industry_production_check_national"
    fresh_database(national, "redis://127.0.0.1:6379/5")
    env = {**env, "DATABASE_URL": env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + national}
    manage("generate_synthetic", "--sites=2000", "--projects=50000", "-v0", env=env)
    stack = start_stack(env)
    try:
        results.append(check_national_downloads())
    finally:
        stack.terminate()
        stack.wait(timeout=30)
    print("All expectations met." if all(results) else "SOME EXPECTATIONS FAILED.")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
