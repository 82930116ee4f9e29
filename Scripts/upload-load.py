#!/usr/bin/env python3
"""Resumable upload load for Scripts/bench upload-tus: a SIZE MiB tus upload in 8 MiB PATCHes over loopback,
interrupted every 100 MiB (a PATCH cut off half-way, then HEAD and resume from the offset the server kept), then
the file downloaded back in 64 MiB ranges. Prints MiB/s of each and the server's peak memory above idle (sampled
from /proc every 20 ms), and checks the download is the upload.

Usage: upload-load.py --port PORT --token TOKEN --server-pid PID [--size MiB]
"""
import argparse
import hashlib
import http.client
import os
import socket
import threading
import time

MiB = 1 << 20


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


class Peak:
    """The highest resident memory of a process while it runs."""

    def __init__(self, pid):
        self.pid, self.peak, self.running = pid, rss_kib(pid), True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while self.running:
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.peak


def block(index):
    """Deterministic 1 MiB blocks, so nothing the size of the upload is held here."""
    seed = hashlib.sha256(index.to_bytes(8, "big")).digest()
    return (seed * (MiB // len(seed)))[:MiB]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--size", type=int, default=1024, help="MiB")
    arguments = parser.parse_args()
    size = arguments.size * MiB
    headers = {"Authorization": f"Bearer {arguments.token}", "Tus-Resumable": "1.0.0"}
    connection = http.client.HTTPConnection("127.0.0.1", arguments.port, timeout=300)

    def call(method, path, body=None, extra=None):
        connection.request(method, path, body=body, headers=dict(headers, **(extra or {})))
        response = connection.getresponse()
        response.read()
        return response

    created = call("POST", "/api/files/", extra={"Upload-Length": str(size), "Upload-Metadata": "filename YmVuY2guYmlu"})
    location = "/" + created.getheader("Location").split("/", 3)[3] if created.getheader("Location").startswith("http") else created.getheader("Location")
    idle = rss_kib(arguments.server_pid)
    peak = Peak(arguments.server_pid)
    digest = hashlib.sha256()
    started = time.monotonic()
    offset, interruptions, next_cut = 0, 0, 100 * MiB
    while offset < size:
        piece = min(8 * MiB, size - offset)
        first = offset // MiB
        data = b"".join(block(first + i) for i in range(piece // MiB))
        if offset + piece > next_cut and offset < next_cut:
            # Cut off half-way: the server keeps what arrived; the client asks where it stands and goes on.
            sock = socket.create_connection(("127.0.0.1", arguments.port))
            sock.sendall((f"PATCH {location} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {arguments.token}\r\n"
                          f"Tus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
                          f"Upload-Offset: {offset}\r\nContent-Length: {piece}\r\n\r\n").encode() + data[:piece // 2])
            sock.close()
            interruptions += 1
            next_cut += 100 * MiB
            time.sleep(0.2)
            offset = int(call("HEAD", location).getheader("Upload-Offset"))
            continue
        response = call("PATCH", location, body=data, extra={"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)})
        if response.status != 204:
            raise SystemExit(f"PATCH at {offset}: {response.status}")
        offset = int(response.getheader("Upload-Offset"))
    upload_seconds = time.monotonic() - started
    upload_peak = peak.stop()
    for index in range(arguments.size):
        digest.update(block(index))

    # The download, in 64 MiB ranges.
    peak = Peak(arguments.server_pid)
    check = hashlib.sha256()
    started = time.monotonic()
    for start in range(0, size, 64 * MiB):
        end = min(start + 64 * MiB, size) - 1
        connection.request("GET", location, headers={"Authorization": f"Bearer {arguments.token}", "Range": f"bytes={start}-{end}"})
        response = connection.getresponse()
        if response.status != 206:
            raise SystemExit(f"GET bytes={start}-{end}: {response.status}")
        while chunk := response.read(MiB):
            check.update(chunk)
    download_seconds = time.monotonic() - started
    download_peak = peak.stop()
    same = check.hexdigest() == digest.hexdigest()
    print(f"upload-tus: {arguments.size} MiB in 8 MiB PATCHes, {interruptions} interruptions: "
          f"{arguments.size / upload_seconds:.0f} MiB/s, server peak {(upload_peak - idle) / 1024:.1f} MiB above idle; "
          f"ranged download (64 MiB ranges): {arguments.size / download_seconds:.0f} MiB/s, server peak "
          f"{(download_peak - idle) / 1024:.1f} MiB above idle; download {'identical' if same else 'DIFFERENT'}")
    connection.request("DELETE", location, headers=headers)
    connection.getresponse().read()
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
