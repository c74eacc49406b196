"""Many users at once: requests per second and latency of POST /ask under wrk at 1, 8 and 32 concurrent clients,
the one-at-a-time server (each question encoded alone, CAREERBOT_BATCH_ENCODES=0) against the batching one (the
default), and `--workers N` beside them. Both servers run in this same run, alternately, over the same index.

Run: python bench/bench_load.py [--index DIR --corpus DIR] [--seconds 20] [--clients 1,8,32] [--workers 2]
Needs wrk (Debian: apt-get install wrk). Prints a table; the README quotes it. Each question of QUESTIONS is sent in
turn by every connection (a Lua script), so the batches mix questions as real traffic would.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_ask import QUESTIONS  # noqa: E402

LUA = """
local bodies = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/ask", {["Content-Type"] = "application/json"}, bodies[(n %% #bodies) + 1])
end
"""


def lua_script(questions: list[str]) -> str:
    bodies = ", ".join("[==[" + json.dumps({"question": q}) + "]==]" for q in questions)
    return LUA % bodies


def index_of(corpus: Path, index: Path | None, scratch: str) -> Path:
    """`index`, or an index of `corpus` built in `scratch`."""
    if index is not None:
        return index
    built = Path(scratch) / "index"
    subprocess.run([sys.executable, "-m", "careerbot", "--corpus", str(corpus), "--index", str(built), "index"],
                   check=True, capture_output=True)
    return built


def start(port: int, corpus: Path, index: Path, env: dict[str, str], workers: int) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")} | env
    server = subprocess.Popen([sys.executable, "-m", "careerbot", "--corpus", str(corpus), "--index", str(index),
                               "serve", "--port", str(port), "--workers", str(workers)], env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                for question in QUESTIONS * workers * 2:  # every worker answers a few before the clock starts
                    httpx.post(f"http://127.0.0.1:{port}/ask", json={"question": question}, timeout=60)
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def run_wrk(port: int, clients: int, seconds: int, script: Path) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t", "1", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s", "--latency",
                          "-s", str(script), f"http://127.0.0.1:{port}"], capture_output=True, text=True,
                         check=True).stdout

    def millis(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = re.search(r"(\d+) requests in", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
            "p50": millis("50"), "p99": millis("99"), "requests": float(requests.group(1)) if requests else 0,
            "errors": errors + (int(non2xx.group(1)) if non2xx else 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--index", type=Path, help="an index of --corpus [default: build one in a temp folder]")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--workers", type=int, default=2, help="also measure the batching server with N workers "
                        "(0: skip)")
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    clients = [int(c) for c in args.clients.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        index = index_of(args.corpus, args.index, scratch)
        script = Path(scratch) / "ask.lua"
        script.write_text(lua_script(QUESTIONS))
        servers = [("one at a time", {"CAREERBOT_BATCH_ENCODES": "0"}, 1), ("batched", {}, 1)]
        if args.workers > 1:
            servers.append((f"batched, {args.workers} workers", {}, args.workers))
        results: dict[tuple[str, int], dict[str, float]] = {}
        print(f"POST /ask under wrk, {args.seconds} s per cell, corpus {args.corpus}, {os.cpu_count()} cores\n")
        print(f"{'server':<24} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, env, workers in servers:
            server = start(args.port, args.corpus, index, env, workers)
            try:
                for count in clients:
                    cell = run_wrk(args.port, count, args.seconds, script)
                    results[(name, count)] = cell
                    print(f"{name:<24} {count:>7} {cell['rps']:>8.1f} {cell['p50']:>8.1f} {cell['p99']:>8.1f} "
                          f"{cell['errors']:>7.0f}", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=60)
        print()
        for count in clients:
            base = results[("one at a time", count)]["rps"]
            ratios = ", ".join(f"{name} {results[(name, count)]['rps'] / base:.2f}x" for name, _, _ in servers[1:])
            print(f"{count:>3} clients: req/s against one at a time: {ratios}")


if __name__ == "__main__":
    main()
