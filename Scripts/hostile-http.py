#!/usr/bin/env python3
"""Malformed and unusual HTTP against a running server, for Scripts/bench: for each class of request, the status it
got and the time from the last byte sent to the server's close (target: under 100 ms). Exits 1 if any connection was
left open or answered with the wrong status.

Usage: hostile-http.py --port PORT
"""
import argparse
import socket
import sys
import time

CASES = [
    ("unknown method FOO", b"FOO / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
    ("unknown method BREW", b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", 501),
    ("CONNECT", b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 501),
    ("4,096-letter method", b"A" * 4096 + b" / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
    ("header without colon", b"GET /api/health HTTP/1.1\r\nHost: x\r\nBadHeader\r\n\r\n", 400),
    ("space before colon", b"GET /api/health HTTP/1.1\r\nHost : x\r\n\r\n", 400),
    ("empty header name", b"GET /api/health HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", 400),
    ("NUL in target", b"GET /api/he\x00alth HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("two Content-Lengths", b"POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
    ("Content-Length + chunked", b"POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ("negative Content-Length", b"POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
    ("non-numeric Content-Length", b"POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
    ("64-bit overflow Content-Length", b"POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
    ("HTTP/1.0 without keep-alive", b"GET /api/health HTTP/1.0\r\n\r\n", 200),
    ("bad request after a good one", b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nFOO / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
]


def run(port, request, wait=5.0):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(wait)
    sock.sendall(request)
    sent = time.monotonic()
    data, closed = b"", False
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                closed = True
                break
            data += chunk
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = True
    elapsed = (time.monotonic() - sent) * 1000
    sock.close()
    statuses = [int(part[:3]) for part in data.split(b"HTTP/1.1 ")[1:] if part[:3].isdigit()]
    return statuses, closed, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    failed = False
    print(f"{'malformed request':32s} {'status':>7s} {'closed':>7s} {'ms to close':>12s}")
    for name, request, expected in CASES:
        statuses, closed, elapsed = run(port, request)
        ok = closed and statuses and statuses[-1] == expected
        failed |= not ok
        status = statuses[-1] if statuses else "-"
        print(f"{name:32s} {status!s:>7s} {closed!s:>7s} {elapsed:12.1f}{'' if ok else '  FAILED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
