#!/usr/bin/env python3
"""Load for the AI suggestion relay: an OpenAI-compatible provider double, and concurrent streamed suggestions.

  ai-load.py double --port P [--fragments 50] [--interval 0.05]
      serves POST /v1/chat/completions: a role chunk, FRAGMENTS content chunks INTERVAL seconds apart, [DONE].
  ai-load.py run --double-port P --server-port S --token T --user-id U --server-pid PID [--streams 200]
      opens STREAMS suggestions at once straight at the double, then the same through the server, and prints the
      time to the first fragment (p50/p99) of both, the server's memory per open stream (resident memory sampled
      while they are open, over what it held before), and its CPU time per relayed fragment.
"""
import argparse
import asyncio
import json
import os
import statistics
import time


def chunk(text, finish=False):
    body = {"id": "chatcmpl-bench", "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": "stop" if finish else None}]}
    return ("data: " + json.dumps(body, ensure_ascii=False) + "\n\n").encode()


async def serve_double(port, fragments, interval):
    async def handle(reader, writer):
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.decode("latin-1").split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            if length:
                await reader.readexactly(length)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n")
            writer.write(b'data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}\n\n')
            for i in range(fragments):
                await asyncio.sleep(interval)
                writer.write(chunk("字%d " % i))
                await writer.drain()
            writer.write(chunk("", finish=True) + b"data: [DONE]\n\n")
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


async def stream(port, path, headers, body):
    """One streamed request: (seconds to the first content fragment, fragments received)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.perf_counter()
    data = json.dumps(body).encode()
    head = "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n" % (path, len(data))
    head += "".join("%s: %s\r\n" % item for item in headers.items()) + "Connection: close\r\n\r\n"
    writer.write(head.encode() + data)
    await writer.drain()
    response = await reader.readuntil(b"\r\n\r\n")
    if not response.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(response.split(b"\r\n")[0].decode())
    chunked = b"transfer-encoding: chunked" in response.lower()
    first, fragments, text = None, 0, b""

    async def pieces():
        if not chunked:
            while True:
                piece = await reader.read(65536)
                if not piece:
                    return
                yield piece
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            if size == 0:
                return
            piece = await reader.readexactly(size + 2)
            yield piece[:-2]

    async for piece in pieces():
        text += piece
        while b"\n\n" in text:
            event, text = text.split(b"\n\n", 1)
            for line in event.split(b"\n"):
                if line.startswith(b"data: ") and b'"content"' in line and line != b"data: [DONE]":
                    payload = json.loads(line[6:])
                    content = payload.get("content")
                    if content is None:
                        choices = payload.get("choices") or [{}]
                        content = (choices[0].get("delta") or {}).get("content")
                    if content:
                        fragments += 1
                        if first is None:
                            first = time.perf_counter() - started
    writer.close()
    return first, fragments


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def run(args):
    body = {"current_user_id": args.user_id, "model": "deepseek",
            "messages": [{"sender_id": 2, "content": "周末一起去爬山吗？"}, {"sender_id": args.user_id, "content": "好啊，几点？"}]}
    upstream = {"model": "bench", "stream": True, "messages": [{"role": "user", "content": "hi"}]}

    async def many(port, path, headers, payload):
        return await asyncio.gather(*(stream(port, path, headers, payload) for _ in range(args.streams)))

    direct = await many(args.double_port, "/v1/chat/completions", {}, upstream)
    idle_rss = rss_kib(args.server_pid)
    cpu_before = cpu_seconds(args.server_pid)
    peak = [idle_rss]

    async def sample():
        while True:
            peak[0] = max(peak[0], rss_kib(args.server_pid))
            await asyncio.sleep(0.05)

    sampler = asyncio.ensure_future(sample())
    relayed = await many(args.server_port, "/api/ai/suggest/stream", {"Authorization": "Bearer " + args.token}, body)
    sampler.cancel()
    cpu = cpu_seconds(args.server_pid) - cpu_before
    fragments = sum(f for _, f in relayed)
    expected = args.streams * args.fragments
    direct_first = [f * 1000 for f, _ in direct if f is not None]
    relay_first = [f * 1000 for f, _ in relayed if f is not None]
    print("ai: %d concurrent suggestions of %d fragments: %d/%d fragments relayed" % (args.streams, args.fragments, fragments, expected))
    print("ai: first fragment, straight from the double: p50 %.1f ms, p99 %.1f ms" % (percentile(direct_first, 50), percentile(direct_first, 99)))
    print("ai: first fragment, through the server:      p50 %.1f ms, p99 %.1f ms" % (percentile(relay_first, 50), percentile(relay_first, 99)))
    print("ai: added by the relay: p50 %.1f ms, p99 %.1f ms" % (percentile(relay_first, 50) - percentile(direct_first, 50),
                                                             percentile(relay_first, 99) - percentile(direct_first, 99)))
    print("ai: server memory %.1f MiB idle, %.1f MiB peak with %d open streams = %.1f KiB per open stream" % (
        idle_rss / 1024, peak[0] / 1024, args.streams, (peak[0] - idle_rss) / args.streams))
    print("ai: server CPU %.3f s for %d fragments = %.1f µs per relayed fragment (%.0f µs per suggestion)" % (
        cpu, fragments, cpu / max(fragments, 1) * 1e6, cpu / args.streams * 1e6))
    if fragments != expected:
        raise SystemExit("ai: fragments were lost")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    double = sub.add_parser("double")
    double.add_argument("--port", type=int, required=True)
    double.add_argument("--fragments", type=int, default=50)
    double.add_argument("--interval", type=float, default=0.05)
    load = sub.add_parser("run")
    for name in ("--double-port", "--server-port", "--user-id", "--server-pid"):
        load.add_argument(name, type=int, required=True)
    load.add_argument("--token", required=True)
    load.add_argument("--streams", type=int, default=200)
    load.add_argument("--fragments", type=int, default=50)
    args = parser.parse_args()
    if args.command == "double":
        asyncio.run(serve_double(args.port, args.fragments, args.interval))
    else:
        asyncio.run(run(args))


if __name__ == "__main__":
    main()
