#!/usr/bin/env python3
"""Three `rapport serve` processes on one MariaDB and one Redis (EVENT_BUS=redis), behind nginx running
Docs/deploy/nginx-cluster.conf (round robin, no sticky sessions), checked from outside with WebSocket clients:

1. Clients spread over the three processes (connected to each directly) send to groups whose members sit on
   other processes: every member gets every message once and in order.
2. The clients reconnect through the balancer; Redis is killed (losing everything it held) and restarted while
   they send: every client ends with every message, either live or — where the bus lost events — after the
   `resync` the server sends it, by resuming from the last seq it saw. A client that misses a message without
   being told is a failure (it would never catch up).
3. One process is killed (SIGKILL) while they send: its clients reconnect through the balancer to the others and
   resume; every client ends with every message. The process restarts and serves again.
4. The support desk (seed 004's flat frames) across processes: a buyer on one process and the merchant on another
   see each other online and exchange messages live.

With --bench N (Scripts/bench ws-cluster) it checks nothing: it starts the same cluster once per bus (Redis, then
the database's), puts Scripts/ws-load.py's load through the balancer — N connections in groups of ten, one message
each per 10 s, so most deliveries cross processes — and prints its report (delivery latency, CPU per process).

Redis and nginx run from temp folders on free loopback ports; never the system services.
Usage: cluster-check.py --binary .build/debug/rapport [--bench N [--duration S]]
       (RAPPORT_TEST_MYSQL_URL names the MariaDB server)
"""
import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websockets

GROUPS = 4
MEMBERS = 4
PROCESSES = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def http(port, method, path, body=None, token=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def mariadb(url, sql):
    parts = urllib.parse.urlparse(url)
    result = subprocess.run(["mariadb", "--no-defaults", "-h", parts.hostname, "-P", str(parts.port), "-u", parts.username,
                             f"-p{urllib.parse.unquote(parts.password or '')}", "-e", sql], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mariadb: {sql}: {result.stderr.strip()}")


class Cluster:
    def __init__(self, binary, work, database_url, bus):
        self.binary, self.work, self.database_url, self.bus = binary, work, database_url, bus
        self.redis_port = free_port()
        self.ports = [free_port() for _ in range(PROCESSES)]
        self.balancer = free_port()
        self.servers = [None] * PROCESSES
        self.redis = None
        self.nginx = None

    def start_redis(self):
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.work, "--logfile", os.path.join(self.work, "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_port(self.redis_port):
            raise SystemExit("redis-server did not start")

    def kill_redis(self):
        self.redis.kill()
        self.redis.wait()

    def start_server(self, index):
        env = dict(os.environ, DATABASE_URL=self.database_url, PORT=str(self.ports[index]), LOG_LEVEL="warning",
                   APP_ENV="development", BCRYPT_COST="10", EVENT_BUS=self.bus, PRESENCE_GRACE_SECONDS="1",
                   REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
                   JWT_SECRET_KEY="cluster-check-signing-key-0123456789abcdef",
                   AUDIT_CHAIN_KEY="cluster-check-audit-chain-key-0123456789",
                   MEDIA_DIR=os.path.join(self.work, "media"))
        log = open(os.path.join(self.work, f"server-{index}.log"), "a")
        self.servers[index] = subprocess.Popen([self.binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT,
                                               cwd=self.work)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if http(self.ports[index], "GET", "/api/health")[0] == 200:
                    return
            except OSError:
                pass
            if self.servers[index].poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit(f"server {index} did not start:\n" + open(os.path.join(self.work, f"server-{index}.log")).read())

    def kill_server(self, index):
        self.servers[index].kill()
        self.servers[index].wait()

    def start_nginx(self):
        config = open("Docs/deploy/nginx-cluster.conf").read()
        for number, port in zip((8081, 8082, 8083), self.ports):
            config = config.replace(f"127.0.0.1:{number}", f"127.0.0.1:{port}")
        config = config.replace("listen 80;", f"listen 127.0.0.1:{self.balancer};")
        open(os.path.join(self.work, "cluster.conf"), "w").write(config)
        temp = os.path.join(self.work, "temp")
        os.makedirs(temp, exist_ok=True)
        user = "user root;" if os.geteuid() == 0 else ""
        open(os.path.join(self.work, "nginx.conf"), "w").write(f"""daemon off;
worker_processes 1;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
{user}
worker_rlimit_nofile 65536;
events {{ worker_connections 16384; }}
http {{
  access_log off;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  include {self.work}/cluster.conf;
}}
""")
        self.nginx = subprocess.Popen(["nginx", "-c", os.path.join(self.work, "nginx.conf"), "-p", self.work],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_port(self.balancer):
            raise SystemExit("nginx did not start")

    def stop(self):
        for process in [self.nginx, self.redis] + self.servers:
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()


class Client:
    """One user's socket: records the seq of every message and acknowledgement per conversation, answers a
    bus-loss `resync` with a `resume` of its positions, and reconnects (through the balancer, resuming) when its
    server goes away."""

    def __init__(self, name, token, user_id):
        self.name, self.token, self.user_id = name, token, user_id
        self.seen = {}  # conversation -> [seq, ...] in arrival order
        self.resyncs = 0
        self.reconnects = 0
        self.errors = []
        self.socket = None
        self.port = None
        self.task = None
        self.closing = False

    def positions(self):
        """The last seq of each conversation up to which this client has everything: where it resumes from (a
        hole below its newest message is filled by the replay)."""
        positions = {}
        for conversation, seqs in self.seen.items():
            have = set(seqs)
            if not have:
                continue
            position = min(have)
            while position + 1 in have:
                position += 1
            positions[conversation] = position
        return positions

    async def connect(self, port, resume=False):
        self.port = port
        query = f"token={self.token}"
        if resume and self.positions():
            query += "&resume=" + ",".join(f"{c}:{s}" for c, s in self.positions().items())
        self.socket = await websockets.connect(f"ws://127.0.0.1:{port}/api/ws?{query}", max_size=1 << 22,
                                               open_timeout=10)
        self.task = asyncio.create_task(self.read(self.socket))

    def record(self, conversation, seq):
        self.seen.setdefault(conversation, []).append(seq)

    async def read(self, sock):
        try:
            async for text in sock:
                frame = json.loads(text)
                kind, data = frame.get("type"), frame.get("data") or {}
                if kind == "message":
                    self.record(data["conversation_id"], data["seq"])
                elif kind == "ack":
                    self.record(data["message"]["conversation_id"], data["message"]["seq"])
                elif kind == "resync":
                    if data.get("reason") == "events_lost":
                        self.resyncs += 1
                        positions = {str(c): s for c, s in self.positions().items()}
                        await sock.send(json.dumps({"type": "resume", "data": {"conversations": positions}}))
                    else:
                        self.errors.append(f"resync of one conversation: {data}")
                elif kind == "error":
                    self.errors.append(f"error frame: {data}")
        except websockets.ConnectionClosed:
            pass
        if not self.closing:
            # The server went away: reconnect through the balancer and resume.
            self.reconnects += 1
            for _ in range(100):
                try:
                    await self.connect(self.balancer, resume=True)
                    return
                except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
                    await asyncio.sleep(0.2)
            self.errors.append("could not reconnect")

    async def send(self, conversation, content, client_id):
        try:
            await self.socket.send(json.dumps({"type": "send", "data": {
                "conversation_id": conversation, "content": content, "client_msg_id": client_id}}))
            return True
        except websockets.ConnectionClosed:
            return False

    async def close(self):
        self.closing = True
        if self.socket:
            await self.socket.close()
        if self.task:
            await self.task
        self.closing = False


def group_totals(cluster, token, groups):
    """The newest seq of each group, read from the database through the API."""
    totals = {}
    for group in groups:
        status, page = http(cluster.ports[0], "GET", f"/api/groups/{group}/messages?limit=1", token=token)
        if status != 200:
            raise SystemExit(f"group {group} messages: {status} {page}")
        messages = page.get("messages", page) if isinstance(page, dict) else page
        totals[group] = max((message["seq"] for message in messages), default=0)
    return totals


def check(clients, membership, totals, phase):
    """Every client has every seq of each of its groups; one that was never told to resync and never reconnected
    has each exactly once and in order (a resume it asked for may repeat what it had above its position)."""
    failures = []
    for client in clients:
        for group in membership[client.name]:
            seqs = client.seen.get(group, [])
            expected = list(range(1, totals[group] + 1))
            strict = client.resyncs == 0 and client.reconnects == 0
            if sorted(set(seqs)) != expected or (strict and seqs != expected):
                missing = sorted(set(expected) - set(seqs))
                doubled = sorted({s for s in seqs if seqs.count(s) > 1})
                disorder = [b for a, b in zip(seqs, seqs[1:]) if b < a]
                failures.append(f"{phase}: {client.name} group {group}: missing {missing[:10]} ({len(missing)}), "
                                f"twice {doubled[:10]}, out of order {disorder[:10]}, resyncs {client.resyncs}, "
                                f"reconnects {client.reconnects}")
        failures += [f"{phase}: {client.name}: {error}" for error in client.errors]
    return failures


async def converge(clients, membership, totals, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not check(clients, membership, totals, ""):
            return
        await asyncio.sleep(0.1)


async def traffic(clients, membership, seconds, tag, interval=0.1):
    """Every client sends to each of its groups every `interval` for `seconds`; messages whose socket was down
    are not sent (the client would retry them with the same client_msg_id)."""
    end = time.monotonic() + seconds
    count = 0
    while time.monotonic() < end:
        for client in clients:
            for group in membership[client.name]:
                count += 1
                await client.send(group, f"{tag} {count}", f"{tag}-{client.name}-{count}")
        await asyncio.sleep(interval)


async def scenario(cluster):
    failures = []
    users = []
    for index in range(GROUPS * MEMBERS):
        status, body = http(cluster.balancer, "POST", "/api/auth/register",
                            {"username": f"member{index}", "email": f"m{index}@example.com", "password": "password123"})
        if status not in (200, 201):
            raise SystemExit(f"register: {status} {body}")
        users.append(Client(f"member{index}", body["access_token"], body["user_id"]))
    membership = {client.name: [] for client in users}
    groups = []
    for g in range(GROUPS):
        members = users[g * MEMBERS:(g + 1) * MEMBERS]
        status, body = http(cluster.balancer, "POST", "/api/groups",
                            {"name": f"cluster {g}", "member_ids": [m.user_id for m in members[1:]]}, token=members[0].token)
        if status not in (200, 201):
            raise SystemExit(f"group: {status} {body}")
        groups.append(body["id"])
        for member in members:
            membership[member.name].append(body["id"])
    for client in users:
        client.balancer = cluster.balancer

    # 1. Spread: member i on process i % 3, so each group has members on different processes.
    for index, client in enumerate(users):
        await client.connect(cluster.ports[index % PROCESSES])
    await asyncio.sleep(0.5)
    await traffic(users, membership, 2, "spread")
    totals = {}
    for g, group in enumerate(groups):
        totals.update(group_totals(cluster, users[g * MEMBERS].token, [group]))
    await converge(users, membership, totals)
    failures += check(users, membership, totals, "spread over processes")
    print(f"spread: {sum(totals.values())} messages in {len(groups)} groups reached all {len(users)} members "
          f"on {PROCESSES} processes" if not failures else "spread: FAILED")

    # 2. Through the balancer, Redis killed and restarted mid-stream.
    for client in users:
        await client.close()
        await client.connect(cluster.balancer, resume=True)
    await asyncio.sleep(0.5)

    async def outage():
        await asyncio.sleep(1.0)
        cluster.kill_redis()
        await asyncio.sleep(1.5)
        cluster.start_redis()

    await asyncio.gather(traffic(users, membership, 5, "restart"), outage())
    totals = {}
    for g, group in enumerate(groups):
        totals.update(group_totals(cluster, users[g * MEMBERS].token, [group]))
    await converge(users, membership, totals)
    phase = check(users, membership, totals, "Redis restarted")
    failures += phase
    resynced = sum(1 for client in users if client.resyncs)
    print(f"Redis restart: {sum(totals.values())} messages; {resynced} of {len(users)} clients told to resync; "
          + ("everyone has everything" if not phase else "FAILED"))

    # 3. A process killed mid-stream: its clients reconnect through the balancer and resume.
    async def crash():
        await asyncio.sleep(1.0)
        cluster.kill_server(1)

    before = sum(client.reconnects for client in users)
    await asyncio.gather(traffic(users, membership, 4, "crash"), crash())
    totals = {}
    for g, group in enumerate(groups):
        totals.update(group_totals(cluster, users[g * MEMBERS].token, [group]))
    await converge(users, membership, totals)
    phase = check(users, membership, totals, "process killed")
    failures += phase
    moved = sum(client.reconnects for client in users) - before
    if moved == 0:
        failures.append("process killed: no client was connected to it")
    print(f"process killed: {moved} clients reconnected elsewhere and resumed; "
          + ("everyone has everything" if not phase else "FAILED"))

    # The process comes back and serves clients again.
    cluster.start_server(1)
    latecomer = Client("latecomer", users[1].token, users[1].user_id)
    latecomer.balancer = cluster.balancer
    await latecomer.connect(cluster.ports[1])
    await asyncio.sleep(0.3)
    await users[0].send(groups[0], "after the restart", "after-restart")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not latecomer.seen.get(groups[0]):
        await asyncio.sleep(0.1)
    if not latecomer.seen.get(groups[0]):
        failures.append("restarted process: its client did not receive a message sent on another process")
    else:
        print("restarted process: serves again and receives from the others")
    await latecomer.close()
    for client in users:
        await client.close()
    failures += await support_desk(cluster)
    return failures


async def support_desk(cluster):
    """A buyer on process 0 and a merchant on process 2, in seed 004's dialect."""
    env = dict(os.environ, DATABASE_URL=cluster.database_url, LOG_LEVEL="warning", APP_ENV="development",
               JWT_SECRET_KEY="cluster-check-signing-key-0123456789abcdef",
               AUDIT_CHAIN_KEY="cluster-check-audit-chain-key-0123456789")
    subprocess.run([cluster.binary, "create-admin", "--username", "desk-admin", "--password-stdin"], env=env,
                   input="desk admin password\n", text=True, check=True, capture_output=True, cwd=cluster.work)
    admin = http(cluster.balancer, "POST", "/api/auth/login", {"username": "desk-admin", "password": "desk admin password"})[1]["access_token"]
    http(cluster.balancer, "POST", "/api/users/ensure", {"users": [{"id": "b1", "role": "buyer"}, {"id": "m1", "role": "merchant"}]},
         token=admin)
    tokens = {who: http(cluster.balancer, "POST", "/api/auth/token", {"user_id": who}, token=admin)[1]["access_token"]
              for who in ("b1", "m1")}
    status, opened = http(cluster.balancer, "POST", "/api/conversations/", {"customer_id": "b1", "merchant_id": "m1"},
                          token=tokens["b1"])
    if status != 200:
        return [f"support desk: opening a conversation: {status} {opened}"]
    conversation = opened["id"]
    failures = []

    async def frames(sock, kind, within=10):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            try:
                frame = json.loads(await asyncio.wait_for(sock.recv(), max(0.1, deadline - time.monotonic())))
            except asyncio.TimeoutError:
                break
            if frame.get("type") == kind:
                return frame
        return None

    buyer = await websockets.connect(f"ws://127.0.0.1:{cluster.ports[0]}/api/ws/b1?token={tokens['b1']}")
    merchant = await websockets.connect(f"ws://127.0.0.1:{cluster.ports[2]}/api/ws/m1?token={tokens['m1']}")
    online = await frames(buyer, "status")
    if not online or online.get("user_id") != "m1" or online.get("status") != "online":
        failures.append(f"support desk: the buyer did not see the merchant (on another process) come online: {online}")
    await buyer.send(json.dumps({"type": "message", "conversation_id": conversation, "content": "你好", "client_msg_id": "d-1"}))
    got = await frames(merchant, "message")
    if not got or got.get("content") != "你好" or got.get("sender_id") != "b1":
        failures.append(f"support desk: the merchant did not receive the buyer's message across processes: {got}")
    await merchant.send(json.dumps({"type": "message", "conversation_id": conversation, "content": "在的", "client_msg_id": "d-2"}))
    got = await frames(buyer, "message")
    if not got or got.get("content") != "在的":
        failures.append(f"support desk: the buyer did not receive the merchant's reply across processes: {got}")
    await buyer.close()
    await merchant.close()
    if not failures:
        print("support desk: buyer and merchant on different processes see each other online and talk live")
    return failures


def bench(arguments, base):
    """The ws-cluster benchmark: the same load through the balancer on each bus."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    for bus in ("redis", "database"):
        name = f"rapport_test_bench_cluster_{bus}_{os.getpid()}"
        mariadb(base, f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
        database_url = urllib.parse.urlparse(base)._replace(path=f"/{name}", query="pool=16").geturl()
        work = tempfile.mkdtemp(prefix="rapport-cluster-bench-")
        cluster = Cluster(os.path.abspath(arguments.binary), work, database_url, bus)
        try:
            cluster.start_redis()
            for index in range(PROCESSES):
                cluster.start_server(index)
            cluster.start_nginx()
            env = dict(os.environ, DATABASE_URL=database_url, LOG_LEVEL="warning", APP_ENV="development",
                       JWT_SECRET_KEY="cluster-check-signing-key-0123456789abcdef",
                       AUDIT_CHAIN_KEY="cluster-check-audit-chain-key-0123456789")
            subprocess.run([cluster.binary, "create-admin", "--username", "ws-admin", "--password-stdin"], env=env,
                           input="bench admin password\n", text=True, check=True, capture_output=True, cwd=work)
            status, body = http(cluster.balancer, "POST", "/api/auth/login",
                                {"username": "ws-admin", "password": "bench admin password"})
            if status != 200:
                raise SystemExit(f"login: {status} {body}")
            pids = ",".join(str(server.pid) for server in cluster.servers)
            print(f"Running scenario ws-cluster with EVENT_BUS={bus}", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, "Scripts/ws-load.py", "--port", str(cluster.balancer), "--admin-token",
                            body["access_token"], "--server-pid", pids, "--connections", str(arguments.bench),
                            "--duration", str(arguments.duration), "--processes", "2",
                            "--label", f"ws-cluster EVENT_BUS={bus}"], check=True)
        finally:
            cluster.stop()
            shutil.rmtree(work, ignore_errors=True)
            mariadb(base, f"DROP DATABASE IF EXISTS {name}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--bus", default="redis", choices=["redis", "database"])
    parser.add_argument("--bench", type=int, help="run the ws-cluster benchmark with this many connections")
    parser.add_argument("--duration", type=int, default=30)
    arguments = parser.parse_args()
    base = os.environ["RAPPORT_TEST_MYSQL_URL"]
    if arguments.bench:
        bench(arguments, base)
        return
    name = f"rapport_test_cluster_{os.getpid()}"
    mariadb(base, f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
    database_url = urllib.parse.urlparse(base)._replace(path=f"/{name}").geturl()
    work = tempfile.mkdtemp(prefix="rapport-cluster-")
    cluster = Cluster(os.path.abspath(arguments.binary), work, database_url, arguments.bus)
    failures = ["did not finish"]
    try:
        cluster.start_redis()
        # The first process migrates the new database; the others start on it.
        for index in range(PROCESSES):
            cluster.start_server(index)
        cluster.start_nginx()
        failures = asyncio.run(scenario(cluster))
    finally:
        cluster.stop()
        if failures:
            for index in range(PROCESSES):
                path = os.path.join(work, f"server-{index}.log")
                if os.path.exists(path):
                    print(f"--- server {index} log (end) ---\n" + "".join(open(path).readlines()[-30:]), file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        mariadb(base, f"DROP DATABASE IF EXISTS {name}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("cluster check passed")


if __name__ == "__main__":
    main()
