"""Memory of `careerbot serve --workers N`: per worker process, the resident memory (RSS), its proportional share
(PSS: pages shared between processes counted once over all of them), and the part that is the index's vector files
(mapped from the version folder: shared page cache, not a copy per worker).

Run: python bench/bench_memory.py --corpus C --index I [--workers 1,2,4]
(With no --index it builds one of the shipped corpus in a temp folder.) Linux only: reads /proc/PID/smaps.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_ask import QUESTIONS  # noqa: E402
from bench_load import index_of, start  # noqa: E402

VECTOR_FILES = (".npy", ".faiss")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found + [grand for child in found for grand in children(child)]


def smaps(pid: int) -> dict[str, float]:
    """MB of RSS and PSS in all, and of the mappings of vector files."""
    totals = {"rss": 0.0, "pss": 0.0, "vectors_rss": 0.0, "vectors_pss": 0.0}
    vector = False
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if not head:
            continue
        if not head[0].endswith(":") or "-" in head[0]:  # a mapping's header line: address range ... path
            vector = line.rstrip().endswith(VECTOR_FILES)
            continue
        if head[0] in ("Rss:", "Pss:"):
            key = head[0][:-1].lower()
            kb = float(head[1]) / 1024
            totals[key] += kb
            if vector:
                totals[f"vectors_{key}"] += kb
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):  # the process's peak resident memory
            totals["peak"] = float(line.split()[1]) / 1024
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--index", type=Path)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--port", type=int, default=8793)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        index = index_of(args.corpus, args.index, scratch)
        version = (index / "CURRENT").read_text().strip()
        folder = index / "versions" / version
        on_disk = sum((folder / name).stat().st_size for name in os.listdir(folder) if name.endswith(VECTOR_FILES))
        print(f"index {index} ({version}): vector files {on_disk / 2**20:.1f} MB on disk\n")
        print(f"{'workers':>7} {'RSS/worker':>11} {'peak/worker':>12} {'PSS all':>9} {'vectors RSS/worker':>19} "
              f"{'vectors PSS all':>16}")
        for count in [int(n) for n in args.workers.split(",")]:
            server = start(args.port, args.corpus, index, {}, count)
            try:
                url = f"http://127.0.0.1:{args.port}"
                deadline = time.monotonic() + 300
                seen: set[int] = set()
                while len(seen) < count and time.monotonic() < deadline:  # every worker has answered questions
                    for question in QUESTIONS:
                        httpx.post(f"{url}/ask", json={"question": question}, timeout=60)
                    seen.add(httpx.get(f"{url}/health", timeout=10).json()["process"])
                time.sleep(1)
                # The processes holding a model: the server itself, or its worker processes (not the supervisor).
                workers = [server.pid] if count == 1 else \
                    [pid for pid in children(server.pid) if smaps(pid)["rss"] > 200]
                sizes = [smaps(pid) for pid in workers]
                print(f"{count:>7} {sum(s['rss'] for s in sizes) / len(sizes):>9.0f}MB "
                      f"{max(s.get('peak', 0.0) for s in sizes):>10.0f}MB {sum(s['pss'] for s in sizes):>7.0f}MB "
                      f"{sum(s['vectors_rss'] for s in sizes) / len(sizes):>17.1f}MB "
                      f"{sum(s['vectors_pss'] for s in sizes):>14.1f}MB", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=60)
        print("\nPSS counts a page shared by k processes as 1/k in each: the vector files' PSS over all workers "
              "stays near one copy however many workers map them.")


if __name__ == "__main__":
    main()
