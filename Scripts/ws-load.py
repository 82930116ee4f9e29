#!/usr/bin/env python3
"""WebSocket load for Scripts/bench: N connections in groups of 10, each sending one group message every
10 seconds over the socket; prints the delivery latency (p50/p99, measured from the send time written in the
message to its arrival at each of the other nine members) and the server's memory per idle connection.

Usage: ws-load.py --port PORT --admin-token TOKEN --server-pid PID --connections N [--duration S] [--processes K]
"""
import argparse
import asyncio
import base64
import http.client
import json
import multiprocessing as mp
import random
import time
from concurrent.futures import ThreadPoolExecutor


def http_json(port, method, path, token=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def provision(port, admin, count, tag):
    """Users ws-TAG-i (seed 004 buyers, no password), a token each, and groups of ten."""
    for start in range(0, count, 500):
        users = [{"id": f"ws-{tag}-{i}", "role": "buyer"} for i in range(start, min(count, start + 500))]
        http_json(port, "POST", "/api/users/ensure", admin, {"users": users})

    def token(index):
        minted = http_json(port, "POST", "/api/auth/token", admin, {"user_id": f"ws-{tag}-{index}"})["access_token"]
        payload = minted.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return minted, int(json.loads(base64.urlsafe_b64decode(payload))["sub"])

    with ThreadPoolExecutor(16) as pool:
        credentials = list(pool.map(token, range(count)))

    def group(index):
        members = credentials[index * 10:(index + 1) * 10]
        created = http_json(port, "POST", "/api/groups", members[0][0],
                            {"name": f"bench {index}", "member_ids": [member[1] for member in members[1:]]})
        return created["id"]

    with ThreadPoolExecutor(16) as pool:
        groups = list(pool.map(group, range(count // 10)))
    return credentials, groups


def worker(port, jobs, duration, ready, start, results, interval):
    asyncio.run(run_worker(port, jobs, duration, ready, start, results, interval))


async def run_worker(port, jobs, duration, ready, start, results, interval):
    import websockets

    latencies = []
    counts = {"sent": 0, "received": 0, "closed": 0}
    gate = asyncio.Semaphore(64)

    async def connect(token):
        async with gate:
            for attempt in range(10):
                try:
                    return await websockets.connect(f"ws://127.0.0.1:{port}/api/ws?token={token}", max_size=1 << 22,
                                                    ping_interval=None, open_timeout=120, close_timeout=5)
                except Exception:
                    await asyncio.sleep(0.5 + attempt)
            raise RuntimeError("could not connect")

    sockets = await asyncio.gather(*(connect(token) for token, _ in jobs))
    ready.put(len(sockets))
    while not start.is_set():
        await asyncio.sleep(0.05)
    deadline = time.time() + duration

    async def read(socket):
        try:
            async for frame in socket:
                now = time.time()
                if frame.startswith('{"type":"message"'):
                    content = json.loads(frame).get("content", "")
                    if content.startswith("t="):
                        latencies.append(now - float(content[2:]))
                        counts["received"] += 1
        except Exception:
            counts["closed"] += 1

    async def send(socket, group, index):
        await asyncio.sleep(random.uniform(0, interval))
        number = 0
        while time.time() < deadline:
            number += 1
            await socket.send(json.dumps({"type": "message", "conversation_id": group, "content": f"t={time.time():.6f}",
                                          "client_msg_id": f"{index}-{number}-{random.random()}"}))
            counts["sent"] += 1
            await asyncio.sleep(interval)

    readers = [asyncio.create_task(read(socket)) for socket in sockets]
    await asyncio.gather(*(send(socket, group, index) for index, (socket, (_, group)) in enumerate(zip(sockets, jobs))))
    await asyncio.sleep(3)
    await asyncio.gather(*(socket.close() for socket in sockets), return_exceptions=True)
    for reader in readers:
        reader.cancel()
    results.put((latencies, counts))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--interval", type=float, default=10, help="seconds between one connection's messages")
    arguments = parser.parse_args()
    count = arguments.connections - arguments.connections % 10

    started = time.time()
    credentials, groups = provision(arguments.port, arguments.admin_token, count, f"{count}-{int(started)}")
    provisioned = time.time() - started
    # Every member of group g sends to g.
    jobs = [(credentials[i][0], groups[i // 10]) for i in range(count)]
    baseline = rss_kib(arguments.server_pid)

    context = mp.get_context("fork")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    slices = [jobs[i::arguments.processes] for i in range(arguments.processes)]
    workers = [context.Process(target=worker, args=(arguments.port, part, arguments.duration, ready, start, results, arguments.interval)) for part in slices]
    for process in workers:
        process.start()
    connected = sum(ready.get(timeout=900) for _ in workers)
    time.sleep(3)
    idle = rss_kib(arguments.server_pid)
    start.set()
    latencies, sent, received, closed = [], 0, 0, 0
    for _ in workers:
        part, counts = results.get(timeout=arguments.duration + 600)
        latencies += part
        sent += counts["sent"]
        received += counts["received"]
        closed += counts["closed"]
    for process in workers:
        process.join()
    peak = rss_kib(arguments.server_pid)
    expected = sent * 9
    print(f"ws-{count}: {connected} connections (provisioned in {provisioned:.0f}s), {sent} messages sent, "
          f"{received}/{expected} deliveries, latency p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; server memory {baseline // 1024} MiB before, "
          f"{idle // 1024} MiB with the connections idle = {(idle - baseline) / max(connected, 1):.1f} KiB per idle connection, "
          f"{peak // 1024} MiB after sending; connections dropped by the server: {closed}")


if __name__ == "__main__":
    main()
