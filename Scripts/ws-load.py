#!/usr/bin/env python3
"""WebSocket load for Scripts/bench: N connections in groups of 10, each sending one group message every
10 seconds over the socket; prints the delivery latency (p50/p99, measured from the send time written in the
message to its arrival at each of the other nine members) and the server's memory per idle connection.

It starts sending once the server has settled after the connections opened (presence announcements), and
reports, for the sending phase, the CPU the server and the load client used and the latency by send time.
The clients drive `websockets`' sans-I/O protocol from event-loop callbacks (uvloop when installed), so the load
takes as little as it can of the cores it shares with the server.

With --channel, every connection is an idle member of the public channel (group 1) instead, and one member posts
to the channel over HTTP once a second; it reports the delivery latency to all members (p50/p99) and the
server's CPU per delivered message.

With several server processes behind one address (Scripts/cluster-check.py --bench), --server-pid takes their
pids, comma-separated: memory and CPU are their sums, and each process's CPU is reported too.

Usage: ws-load.py --port PORT --admin-token TOKEN --server-pid PID[,PID...] --connections N [--duration S]
                  [--processes K] [--channel] [--label NAME]
"""
import argparse
import asyncio
import base64
import gc
import http.client
import json
import multiprocessing as mp
import os
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


def rss_kib(pids):
    """Resident memory of the server processes (a pid or a list of them), summed."""
    total = 0
    for pid in pids if isinstance(pids, list) else [pids]:
        with open(f"/proc/{pid}/status") as status:
            total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return total


def process_cpu(pid):
    """User and system CPU time of a process so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """CPU time of the server processes (a pid or a list of them), summed."""
    return sum(process_cpu(pid) for pid in (pids if isinstance(pids, list) else [pids]))


def provision(port, admin, count, tag, groups=True):
    """Users ws-TAG-i (seed 004 buyers, no password; provisioning makes them members of the public channel), a
    token each, and (with `groups`) groups of ten."""
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

    if not groups:
        return credentials, []
    with ThreadPoolExecutor(16) as pool:
        groups = list(pool.map(group, range(count // 10)))
    return credentials, groups


def worker(port, jobs, duration, ready, start, results, interval, path="/api/ws"):
    # uvloop when installed (Scripts/bench installs it): the load client shares the machine's cores with the
    # server, and asyncio's own loop spends several times more CPU per frame.
    if os.environ.get("WS_LOAD_LOOP", "uvloop") == "uvloop":
        try:
            import uvloop
            uvloop.run(run_worker(port, jobs, duration, ready, start, results, interval, path))
            return
        except ImportError:
            pass
    asyncio.run(run_worker(port, jobs, duration, ready, start, results, interval, path))


class LoadConnection(asyncio.Protocol):
    """One client connection: `websockets`' sans-I/O protocol driven straight from the event loop's callbacks,
    without a task or a queue per connection, so that the load client spends little of the machine's CPU on each
    frame (it shares the two cores with the server it measures)."""

    def __init__(self, uri, stats):
        from websockets.client import ClientProtocol
        from websockets.uri import parse_uri

        self.protocol = ClientProtocol(parse_uri(uri), max_size=1 << 22)
        self.request = self.protocol.connect()
        self.stats = stats
        self.transport = None
        self.opened = asyncio.get_running_loop().create_future()
        self.partial = None

    def connection_made(self, transport):
        self.transport = transport
        self.protocol.send_request(self.request)
        self.flush()

    def data_received(self, data):
        from websockets.frames import Frame, Opcode

        now = time.time()
        self.protocol.receive_data(data)
        for event in self.protocol.events_received():
            if not isinstance(event, Frame):
                # The handshake's response.
                if not self.opened.done():
                    failure = self.protocol.handshake_exc
                    self.opened.set_exception(failure) if failure else self.opened.set_result(self)
                continue
            if event.opcode is Opcode.TEXT or event.opcode is Opcode.CONT:
                data = event.data if self.partial is None else self.partial + event.data
                if not event.fin:
                    self.partial = data
                    continue
                self.partial = None
                self.received(data, now)
        self.flush()

    def received(self, frame, now):
        # Only the others' group messages carry a latency: `"content":"t=<send time>"` (no JSON parse per frame).
        if b'"type":"message"' not in frame[:40]:
            return
        at = frame.find(b'"content":"t=')
        if at < 0:
            return
        at += 13
        sent_at = float(frame[at:frame.index(b'"', at)])
        self.stats.latencies.append((sent_at, now - sent_at))
        self.stats.received += 1

    def send(self, text):
        self.protocol.send_text(text.encode())
        self.flush()

    def close(self):
        if self.transport is not None and not self.transport.is_closing():
            self.protocol.send_close()
            self.flush()

    def flush(self):
        for data in self.protocol.data_to_send():
            if data:
                self.transport.write(data)
            elif self.transport.can_write_eof():
                self.transport.write_eof()

    def connection_lost(self, failure):
        if not self.opened.done():
            self.opened.set_exception(failure or ConnectionError("closed during the handshake"))
        elif not self.stats.finished:
            self.stats.closed += 1


class Stats:
    def __init__(self):
        self.latencies = []
        self.sent = self.received = self.closed = 0
        self.finished = False


async def run_worker(port, jobs, duration, ready, start, results, interval, path):
    loop = asyncio.get_running_loop()
    stats = Stats()
    gate = asyncio.Semaphore(64)

    async def connect(token, user):
        async with gate:
            for attempt in range(10):
                try:
                    uri = f"ws://127.0.0.1:{port}{path.format(user=user)}?token={token}"
                    _, connection = await loop.create_connection(lambda: LoadConnection(uri, stats), "127.0.0.1", port)
                    return await asyncio.wait_for(connection.opened, 120)
                except Exception:
                    await asyncio.sleep(0.5 + attempt)
            raise RuntimeError("could not connect")

    connections = await asyncio.gather(*(connect(token, user) for token, _, user in jobs))
    ready.put(len(connections))
    while not start.is_set():
        await asyncio.sleep(0.05)
    # No garbage collection while measuring: a full collection over 5,000 connections' objects stalls this
    # process's event loop for tens of milliseconds, which would show as delivery latency.
    gc.collect()
    gc.freeze()
    gc.disable()
    deadline = time.time() + duration
    cpu_start = time.process_time()

    def schedule(connection, group, index, number):
        # One message now and the next one `interval` later, as call_later timers (no task per connection).
        if time.time() >= deadline:
            return
        connection.send(json.dumps({"type": "message", "conversation_id": group, "content": f"t={time.time():.6f}",
                                    "client_msg_id": f"{index}-{number}-{random.random()}"}))
        stats.sent += 1
        loop.call_later(interval, schedule, connection, group, index, number + 1)

    for index, (connection, (_, group, _)) in enumerate(zip(connections, jobs)):
        if group is not None:
            loop.call_later(random.uniform(0, interval), schedule, connection, group, index, 1)
    await asyncio.sleep(duration)
    cpu = time.process_time() - cpu_start
    # What is still on its way arrives within a few seconds; then every connection closes.
    await asyncio.sleep(3)
    stats.finished = True
    for connection in connections:
        connection.close()
    await asyncio.sleep(1)
    results.put((stats.latencies, {"sent": stats.sent, "received": stats.received, "closed": stats.closed, "cpu": cpu}))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--server-pid", required=True, help="the server's pid, or several comma-separated")
    parser.add_argument("--label", help="the scenario's name in the report (default ws-N)")
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--interval", type=float, default=10, help="seconds between one connection's messages")
    parser.add_argument("--channel", action="store_true", help="idle members of the public channel, one post a second")
    arguments = parser.parse_args()
    arguments.server_pid = [int(pid) for pid in arguments.server_pid.split(",")]
    count = arguments.connections - arguments.connections % 10

    started = time.time()
    credentials, groups = provision(arguments.port, arguments.admin_token, count, f"{count}-{int(started)}",
                                    groups=not arguments.channel)
    provisioned = time.time() - started
    print(f"provisioned in {provisioned:.0f}s", flush=True)
    # Every member of group g sends to g; in the channel, nobody sends over the socket.
    jobs = [(credentials[i][0], None if arguments.channel else groups[i // 10], credentials[i][1]) for i in range(count)]
    baseline = rss_kib(arguments.server_pid)

    context = mp.get_context("fork")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    slices = [jobs[i::arguments.processes] for i in range(arguments.processes)]
    # Channel members connect as seed 003's client does, to /api/ws/<their id>.
    path = "/api/ws/{user}" if arguments.channel else "/api/ws"
    workers = [context.Process(target=worker, args=(arguments.port, part, arguments.duration, ready, start, results,
                                                    arguments.interval, path)) for part in slices]
    for process in workers:
        process.start()
    connected = sum(ready.get(timeout=900) for _ in workers)
    print(f"{connected} connections open", flush=True)
    # The server announces each new connection's presence to its contacts and stores it; the scenario measures
    # idle connections and then steady sending, so it starts once that work is done (the server's CPU settles).
    settle_started = time.time()
    while time.time() - settle_started < 300:
        before = cpu_seconds(arguments.server_pid)
        time.sleep(1)
        if cpu_seconds(arguments.server_pid) - before < 0.1:
            break
    settled = time.time() - settle_started
    time.sleep(1)
    idle = rss_kib(arguments.server_pid)
    each_cpu = [process_cpu(pid) for pid in arguments.server_pid]
    server_cpu, sending_started = cpu_seconds(arguments.server_pid), time.time()
    start.set()
    print(f"sending started (the server settled {settled:.0f}s after the last connection opened)", flush=True)
    posts = 0
    if arguments.channel:
        # One member posts to the channel once a second over HTTP.
        poster = credentials[0][0]
        for second in range(arguments.duration):
            http_json(arguments.port, "POST", "/api/chat/send", poster, {"group_id": 1, "content": f"t={time.time():.6f}"})
            posts += 1
            time.sleep(max(0.0, sending_started + second + 1 - time.time()))
    else:
        time.sleep(arguments.duration)
    server_cpu = cpu_seconds(arguments.server_pid) - server_cpu
    each_cpu = [process_cpu(pid) - before for pid, before in zip(arguments.server_pid, each_cpu)]
    samples, sent, received, closed, load_cpu = [], 0, 0, 0, 0.0
    for _ in workers:
        part, counts = results.get(timeout=arguments.duration + 600)
        samples += part
        sent += counts["sent"]
        received += counts["received"]
        closed += counts["closed"]
        load_cpu += counts["cpu"]
    for process in workers:
        process.join()
    peak = rss_kib(arguments.server_pid)
    expected = sent * 9
    latencies = [latency for _, latency in samples]
    if arguments.channel:
        expected = posts * connected
        print(f"public-channel: {connected} idle members connected (provisioned in {provisioned:.0f}s), {posts} posts, "
              f"{received}/{expected} deliveries, latency p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
              f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; server CPU {server_cpu:.2f} s = "
              f"{server_cpu / max(received, 1) * 1e6:.1f} us per delivered message "
              f"({server_cpu / arguments.duration:.2f} cores); server memory {idle // 1024} MiB idle, {peak // 1024} MiB after; "
              f"connections dropped by the server: {closed}")
        return
    per_process = ""
    if len(arguments.server_pid) > 1:
        per_process = " (" + ", ".join(f"{cpu / arguments.duration:.2f}" for cpu in each_cpu) + " per process)"
    print(f"{arguments.label or f'ws-{count}'}: {connected} connections (provisioned in {provisioned:.0f}s), {sent} messages sent, "
          f"{received}/{expected} deliveries, latency p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; server memory {baseline // 1024} MiB before, "
          f"{idle // 1024} MiB with the connections idle = {(idle - baseline) / max(connected, 1):.1f} KiB per idle connection, "
          f"{peak // 1024} MiB after sending; connections dropped by the server: {closed}; "
          f"CPU while sending: server {server_cpu / arguments.duration:.2f} cores{per_process}, "
          f"{server_cpu / max(received, 1) * 1e6:.0f} us per delivery, "
          f"load client {load_cpu / arguments.duration:.2f} cores")
    if os.environ.get("WS_LOAD_SAMPLES"):
        with open(os.environ["WS_LOAD_SAMPLES"], "w") as out:
            out.writelines(f"{sent_at - sending_started:.4f} {latency * 1000:.2f}\n" for sent_at, latency in samples)
    # Latency by when the message was sent, in windows of five seconds: a backlog shows where it builds up.
    windows = {}
    for sent_at, latency in samples:
        windows.setdefault(int((sent_at - sending_started) // 5), []).append(latency)
    print("by send time: " + ", ".join(
        f"{index * 5}-{index * 5 + 5}s p50 {percentile(values, 0.5) * 1000:.1f} p99 {percentile(values, 0.99) * 1000:.1f} ms"
        for index, values in sorted(windows.items())))


if __name__ == "__main__":
    main()
