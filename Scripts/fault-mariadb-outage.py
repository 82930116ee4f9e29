#!/usr/bin/env python3
"""The MariaDB server stopped and started again under a `rapport serve` process with writers running: requests
during the outage get 503 quickly (never a hang), nothing acknowledged is lost, and the server serves again
within seconds of the restart without a restart of its own.

Scripts/test runs it after the Swift suites (it stops the MariaDB they share), with the throwaway server's
RAPPORT_TEST_MYSQL_URL, RAPPORT_TEST_MARIADB_STOP and RAPPORT_TEST_MARIADB_START. Exits 1 on any failure.

Usage: fault-mariadb-outage.py --binary .build/debug/rapport
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse


def request(port, method, path, token=None, body=None, wait=15):
    """One request over a fresh connection: (status or None, body text, seconds)."""
    started = time.monotonic()
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
            sock.sendall(head.encode() + b"\r\n" + data)
            received = b""
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
    except OSError:
        return None, "", time.monotonic() - started
    elapsed = time.monotonic() - started
    if not received.startswith(b"HTTP/1.1 "):
        return None, "", elapsed
    _, _, text = received.partition(b"\r\n\r\n")
    return int(received[9:12]), text.decode(errors="replace"), elapsed


def mariadb(url, sql):
    parts = urllib.parse.urlparse(url)
    result = subprocess.run(
        ["mariadb", "--no-defaults", "-h", parts.hostname, "-P", str(parts.port), "-u", parts.username,
         f"-p{urllib.parse.unquote(parts.password)}", "--batch", "--skip-column-names", "-e", sql, parts.path.lstrip("/")],
        capture_output=True, text=True, check=True)
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = parser.parse_args().binary
    base = os.environ["RAPPORT_TEST_MYSQL_URL"]
    stop_script, start_script = os.environ["RAPPORT_TEST_MARIADB_STOP"], os.environ["RAPPORT_TEST_MARIADB_START"]
    name = f"rapport_test_outage_{os.getpid()}"
    mariadb(base, f"CREATE DATABASE {name}")
    parts = urllib.parse.urlparse(base)
    url = parts._replace(path=f"/{name}").geturl()
    port = free_port()
    log = open(f"/tmp/rapport-outage-{port}.log", "w")
    env = dict(os.environ, DATABASE_URL=url, PORT=str(port), LOG_LEVEL="warning", BCRYPT_COST="10", APP_ENV="development",
               JWT_SECRET_KEY="outage-test-signing-key-0123456789abcdef", AUDIT_CHAIN_KEY="outage-test-audit-chain-key-0123456789")
    server = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    failures = []
    try:
        deadline = time.monotonic() + 60
        while request(port, "GET", "/api/health", wait=2)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("the server did not start")
            time.sleep(0.2)
        status, text, _ = request(port, "POST", "/api/auth/register",
                                  body={"username": "writer", "email": "w@x.com", "password": "password123"})
        token = json.loads(text)["access_token"]

        stopping = threading.Event()
        outcomes = []
        lock = threading.Lock()

        def writer(index):
            n = 0
            while not stopping.is_set():
                n += 1
                contact = f"m-{index}-{n}"
                status, _, seconds = request(port, "POST", "/api/contacts/add", token=token,
                                             body={"name": contact, "phone": f"139{index * 100000 + n:08d}"})
                with lock:
                    outcomes.append((contact, status, seconds))
                time.sleep(0.02)

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        subprocess.run(["bash", stop_script], check=True, stdout=subprocess.DEVNULL)
        stopped = time.monotonic()
        time.sleep(3)
        health = request(port, "GET", "/api/health")
        if health[0] != 503:
            failures.append(f"health while the database is down: {health[0]}")
        subprocess.run(["bash", start_script], check=True, stdout=subprocess.DEVNULL)
        restarted = time.monotonic()
        recovered = None
        while time.monotonic() - restarted < 20:
            if request(port, "GET", "/api/health", wait=5)[0] == 200:
                recovered = time.monotonic() - restarted
                break
            time.sleep(0.2)
        if recovered is None:
            failures.append("the server did not serve again within 20 s of the restart")
        time.sleep(1)
        stopping.set()
        for thread in threads:
            thread.join()

        statuses = {status for _, status, _ in outcomes}
        refused = [o for o in outcomes if o[1] == 503]
        acknowledged = [o for o in outcomes if o[1] == 200]
        slowest = max(seconds for _, _, seconds in outcomes)
        if not statuses <= {200, 503}:
            failures.append(f"statuses other than 200 and 503: {sorted(statuses, key=str)}")
        if not refused:
            failures.append("no write was refused with 503 during the outage")
        if slowest >= 5:
            failures.append(f"a request took {slowest:.1f} s")
        stored = set(mariadb(url, "SELECT name FROM contacts").split())
        lost = [contact for contact, _, _ in acknowledged if contact not in stored]
        if lost:
            failures.append(f"{len(lost)} acknowledged writes lost: {lost[:5]}")
        print(f"MariaDB outage: {len(acknowledged)} writes acknowledged, {len(refused)} refused with 503 while down "
              f"{restarted - stopped:.1f} s; slowest answer {slowest * 1000:.0f} ms; serving again "
              f"{(recovered or 0) * 1000:.0f} ms after the restart; acknowledged writes lost: {len(lost)}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            failures.append("the server did not exit on SIGTERM")
        mariadb(base, f"DROP DATABASE IF EXISTS {name}")
    if failures:
        print("MariaDB outage FAILED:\n  " + "\n  ".join(failures) + f"\n  (server log: {log.name})", file=sys.stderr)
        sys.exit(1)
    os.unlink(log.name)


if __name__ == "__main__":
    main()
