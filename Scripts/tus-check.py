#!/usr/bin/env python3
"""Resumable uploads (tus 1.0 at /api/files/) held to an independent client, tuspy, on two `rapport serve`
processes sharing one database and one MEDIA_DIR:

1. tuspy uploads the first 24 MiB of a 100 MiB file through process A.
2. Interruption 1: a PATCH whose client goes away after 3 of its 8 MiB; the server keeps what arrived.
3. Interruption 2: process A is killed (SIGKILL) in the middle of a PATCH.
4. tuspy resumes through process B (it asks for the offset with HEAD; the dead process's claim on the upload runs
   out within 10 s, 409 until then, which tuspy retries) and finishes, with SHA-1 checksums.
5. The download through B is byte-identical (SHA-256), and so is a ranged slice.
6. Two clients patching one upload at once: one wins, the other gets 409; a chunked body longer than the upload
   gets 413 and changes nothing.

Usage: tus-check.py --binary .build/debug/rapport   (TUS_DATABASE_URL=mysql://… for MariaDB; default SQLite)
"""
import argparse
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

from tusclient import client as tus

MiB = 1 << 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, binary, work, database_url, name):
        self.binary, self.work, self.database_url, self.name = binary, work, database_url, name
        self.port = free_port()
        self.process = None

    def start(self):
        env = dict(os.environ, DATABASE_URL=self.database_url, PORT=str(self.port), LOG_LEVEL="warning",
                   APP_ENV="development", BCRYPT_COST="10", MEDIA_DIR=os.path.join(self.work, "media"),
                   JWT_SECRET_KEY="tus-check-signing-key-0123456789abcdef",
                   AUDIT_CHAIN_KEY="tus-check-audit-chain-key-0123456789")
        log = open(os.path.join(self.work, f"server-{self.name}.log"), "a")
        self.process = subprocess.Popen([self.binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.work)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/api/health")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit(f"server {self.name} did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(15)


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


def offset(port, location, token):
    status, headers, _ = request(port, "HEAD", location, headers={"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"})
    assert status == 200, f"HEAD {location}: {status}"
    return int(headers["Upload-Offset"])


def partial_patch(port, location, token, at, data, declared, then=None):
    """A PATCH declaring `declared` bytes that sends only `data`, then runs `then` (or closes the socket)."""
    sock = socket.create_connection(("127.0.0.1", port))
    head = (f"PATCH {location} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
            f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: {at}\r\nContent-Length: {declared}\r\n\r\n")
    sock.sendall(head.encode() + data)
    time.sleep(0.5)
    if then:
        then()
    sock.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--size", type=int, default=100, help="MiB")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="rapport-tus-check-")
    database_url = os.environ.get("TUS_DATABASE_URL") or f"sqlite:{work}/tus.sqlite"
    a = Server(os.path.abspath(arguments.binary), work, database_url, "a")
    b = Server(os.path.abspath(arguments.binary), work, database_url, "b")
    failures = []
    try:
        a.start()
        b.start()
        status, _, body = request(a.port, "POST", "/api/auth/register", json.dumps(
            {"username": f"tus{os.getpid()}", "email": f"tus{os.getpid()}@example.com", "password": "password123"}),
            {"Content-Type": "application/json"})
        token = json.loads(body)["access_token"]
        auth = {"Authorization": f"Bearer {token}"}

        source = os.path.join(work, "source.bin")
        digest = hashlib.sha256()
        with open(source, "wb") as out:
            for _ in range(arguments.size):
                block = os.urandom(MiB)
                digest.update(block)
                out.write(block)
        size = arguments.size * MiB
        with open(source, "rb") as f:
            data = f.read()

        # 1. tuspy through A: three 8 MiB chunks.
        client_a = tus.TusClient(f"http://127.0.0.1:{a.port}/api/files/", headers=auth)
        uploader = client_a.uploader(file_path=source, chunk_size=8 * MiB, metadata={"filename": "原始 数据.bin"})
        for _ in range(3):
            uploader.upload_chunk()
        location = urllib.parse.urlparse(uploader.url).path
        at = offset(a.port, location, token)
        assert at == 24 * MiB, f"after three chunks the offset is {at}"

        # 2. A client that goes away after 3 of 8 MiB: what arrived stays.
        partial_patch(a.port, location, token, at, data[at:at + 3 * MiB], 8 * MiB)
        time.sleep(0.5)
        kept = offset(b.port, location, token)
        print(f"interruption 1: a PATCH cut after 3 MiB left the upload at {kept / MiB:.1f} MiB (was {at / MiB:.0f})")
        assert at <= kept <= at + 3 * MiB, f"offset {kept} after an interrupted PATCH from {at}"

        # 3. Process A killed in the middle of a PATCH.
        partial_patch(a.port, location, token, kept, data[kept:kept + 5 * MiB], 8 * MiB, then=a.kill)
        survived = offset(b.port, location, token)
        print(f"interruption 2: process A killed mid-PATCH; process B reports {survived / MiB:.1f} MiB")
        assert kept <= survived <= kept + 5 * MiB

        # 4. tuspy resumes through B, with SHA-1 checksums, and finishes.
        client_b = tus.TusClient(f"http://127.0.0.1:{b.port}/api/files/", headers=auth)
        # The dead process's claim lasts up to 10 s: tuspy retries (HEAD, then PATCH) until it is free.
        resumed = client_b.uploader(file_path=source, chunk_size=8 * MiB, url=f"http://127.0.0.1:{b.port}{location}",
                                    upload_checksum=True, retries=10, retry_delay=2)
        resumed.upload()
        assert offset(b.port, location, token) == size

        # 5. Byte-identical download, and a ranged slice.
        status, headers, body = request(b.port, "GET", location, headers=auth)
        if status != 200 or hashlib.sha256(body).hexdigest() != digest.hexdigest():
            failures.append(f"download: {status}, {len(body)} bytes, not the uploaded file")
        elif headers.get("ETag") != f'"{digest.hexdigest()}"':
            failures.append(f"download ETag {headers.get('ETag')}")
        else:
            print(f"download: {size // MiB} MiB byte-identical (SHA-256 {digest.hexdigest()[:16]}…), ETag is the SHA-256")
        status, headers, body = request(b.port, "GET", location, headers=dict(auth, Range="bytes=50000000-50999999"))
        if status != 206 or body != data[50000000:51000000]:
            failures.append(f"ranged download: {status}, {len(body)} bytes")
        else:
            print(f"ranged download: 206 {headers.get('Content-Range')}")
        del data

        # 6. Two PATCHes of one upload at once: the second gets 409 while the first holds it.
        tus_headers = dict(auth, **{"Tus-Resumable": "1.0.0"})
        status, headers, _ = request(b.port, "POST", "/api/files/", headers=dict(tus_headers, **{"Upload-Length": str(2 * MiB)}))
        small = urllib.parse.urlparse(headers["Location"]).path
        outcome = {}

        def second():
            outcome["status"] = request(b.port, "PATCH", small, body=b"y" * MiB, headers=dict(tus_headers, **{
                "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}))[0]
        b_first = socket.create_connection(("127.0.0.1", b.port))
        b_first.sendall((f"PATCH {small} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
                         f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: {MiB}\r\n\r\n").encode()
                        + b"x" * (MiB // 2))
        time.sleep(0.5)
        second()
        b_first.sendall(b"x" * (MiB // 2))
        reply = b_first.recv(4096).decode(errors="replace")
        b_first.close()
        if outcome.get("status") != 409 or not reply.startswith("HTTP/1.1 204"):
            failures.append(f"concurrent PATCHes: second got {outcome.get('status')}, first got {reply[:40]!r}")
        else:
            print("concurrent PATCHes: the first wins (204), the second gets 409")
        status, headers, _ = request(b.port, "GET", small, headers=dict(auth, Range="bytes=0-0"))

        # A chunked body longer than what is left: 413, nothing kept.
        def chunks():
            for _ in range(3):
                yield b"z" * (MiB // 2)
        connection = http.client.HTTPConnection("127.0.0.1", b.port, timeout=60)
        connection.request("PATCH", small, body=chunks(), encode_chunked=True, headers=dict(tus_headers, **{
            "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(MiB), "Transfer-Encoding": "chunked"}))
        status = connection.getresponse().status
        connection.close()
        after = offset(b.port, small, token)
        if status != 413 or after != MiB:
            failures.append(f"an overlong chunked PATCH: {status}, offset {after}")
        else:
            print("an overlong chunked PATCH: 413, offset unchanged")
    except AssertionError as error:
        failures.append(f"assertion: {error}")
    finally:
        a.stop() if a.process and a.process.poll() is None else None
        b.stop()
        if failures:
            for name in ("a", "b"):
                path = os.path.join(work, f"server-{name}.log")
                if os.path.exists(path):
                    print(f"--- server {name} log (end) ---\n" + "".join(open(path).readlines()[-20:]), file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("tus check passed")


if __name__ == "__main__":
    main()
