"""Side-by-side validator benchmark: dataeng-os against odcslint, pyodcs and
datacontract-cli, on the same generated corpora, interleaved, repeated.

Run it through bench/peers.sh, which installs the pinned peers. Each tool
runs with its default settings, as a user would. Prints a Markdown table of
wall time, CPU time and max RSS, and our ratio to each peer (peer / ours:
above 1 means we are faster).
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

SMALL = """apiVersion: v3.1.0
kind: DataContract
id: bench-small-{i}
name: orders_{i}
version: 1.0.0
status: active
domain: sales
dataProduct: orders
description:
  purpose: Orders placed in the online shop, one row per order.
team:
  name: checkout
  members:
    - username: ana.souza
      role: owner
schema:
  - name: orders
    physicalName: orders
    physicalType: table
    description: One row per order.
    properties:
      - name: order_id
        logicalType: integer
        physicalType: bigint
        primaryKey: true
        primaryKeyPosition: 1
        required: true
        unique: true
        description: Order identifier.
      - name: status
        logicalType: string
        physicalType: varchar
        required: true
        description: Order status.
        quality:
          - metric: invalidValues
            arguments:
              validValues: [placed, paid, shipped]
            mustBe: 0
      - name: total_cents
        logicalType: integer
        physicalType: bigint
        description: Order total in cents.
      - name: created_at
        logicalType: timestamp
        physicalType: timestamp
        required: true
        description: When the order was placed.
"""

PROP = """      - name: col_{j}
        logicalType: string
        physicalType: varchar(255)
        required: false
        description: Column {j} of the wide table, kept as delivered by the source system.
        businessName: Column {j}
        classification: internal
        tags: [wide, generated]
        examples: [a{j}, b{j}]
        quality:
          - metric: nullValues
            mustBeLessThan: 5
            unit: percent
            description: Mostly filled.
"""


def large(i, target):
    head = SMALL.format(i=i).replace("bench-small-", "bench-large-")
    parts, j = [head], 0
    size = len(head)
    while size < target:
        p = PROP.format(j=j)
        parts.append(p)
        size += len(p)
        j += 1
    return "".join(parts)


def write_corpus(root, name, n, make):
    d = os.path.join(root, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for i in range(n):
        with open(os.path.join(d, f"c{i:05d}.odcs.yaml"), "w") as f:
            f.write(make(i))
    return d


def run(cmd, cwd=None):
    """Runs cmd once; returns wall s, CPU s (user+sys of the child) and max
    RSS in MB (of the largest child so far: run each tool in its own order)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    return wall, cpu


def max_rss(cmd):
    """Max RSS in MB of one run, read by GNU time when present."""
    if not shutil.which("/usr/bin/time"):
        return float("nan")
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return int(p.stderr.decode().strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")


# pyodcs in-process: every file parsed and validated; a contract it finds
# invalid fails the run, so each tool is proven to accept the corpus.
PYODCS = """import sys, pyodcs
bad = [p for p in sys.argv[1:] if not pyodcs.is_valid(pyodcs.parse_and_validate_paths(p))]
sys.exit(f"pyodcs: {len(bad)} invalid, e.g. {bad[:1]}" if bad else 0)
"""


def tools(args, corpus, files):
    py = os.path.join(args.venv, "bin", "python")
    t = {
        "dataeng-os": [args.ours, "validate", corpus],
        "odcslint": [os.path.join(args.venv, "bin", "odcslint"), "check", corpus],
        # pyodcs's CLI takes one file per process; its Python API takes many
        "pyodcs": [py, "-c", PYODCS] + files,
    }
    if args.datacontract:
        t["datacontract-cli lint()"] = [py, os.path.join(os.path.dirname(__file__), "dcc_lint.py")] + files
    return t


def measure(name, runs):
    """runs: {tool: [cmd, ...]} (a list of commands = one run each, summed);
    interleaved, repeated args.repeat times."""
    res = {k: [] for k in runs}
    for _ in range(ARGS.repeat):
        for tool, cmds in runs.items():
            wall = cpu = 0.0
            for c in cmds:
                w, u = run(c)
                wall, cpu = wall + w, cpu + u
            res[tool].append((wall, cpu))
    return res


def table(title, res, rss):
    ours = statistics.median(w for w, _ in res["dataeng-os"])
    print(f"\n### {title}\n")
    print("| tool | wall min | wall median | CPU median | max RSS | peer/ours (median wall) |")
    print("|---|---|---|---|---|---|")
    for tool, xs in res.items():
        walls = [w for w, _ in xs]
        cpus = [c for _, c in xs]
        med = statistics.median(walls)
        ratio = "—" if tool == "dataeng-os" else f"{med / ours:.2f}×"
        print(f"| {tool} | {min(walls):.3f} s | {med:.3f} s | {statistics.median(cpus):.3f} s | {rss.get(tool, float('nan')):.0f} MB | {ratio} |")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", required=True)
    ap.add_argument("--venv", required=True)
    ap.add_argument("--work", default=".tools/bench")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--small", type=int, default=10000)
    ap.add_argument("--large", type=int, default=1000)
    ap.add_argument("--cold", type=int, default=50)
    ap.add_argument("--datacontract", action="store_true")
    ARGS = ap.parse_args()
    small = write_corpus(ARGS.work, f"small-{ARGS.small}", ARGS.small, lambda i: SMALL.format(i=i))
    big = write_corpus(ARGS.work, f"large-{ARGS.large}", ARGS.large, lambda i: large(i, 180_000))
    print(f"load average before: {os.getloadavg()}; cores: {os.cpu_count()}")
    for title, d in [(f"{ARGS.small} small contracts", small), (f"{ARGS.large} large contracts (~180 KB)", big)]:
        files = sorted(os.path.join(d, f) for f in os.listdir(d))
        ts = tools(ARGS, d, files)
        rss = {k: max_rss(c) for k, c in ts.items()}
        table(title, measure(title, {k: [c] for k, c in ts.items()}), rss)
    one = os.path.join(small, "c00000.odcs.yaml")
    ts = tools(ARGS, one, [one])
    ts["pyodcs"] = [os.path.join(ARGS.venv, "bin", "pyodcs"), "validate", one]
    ts.pop("datacontract-cli lint()", None)
    rss = {k: max_rss(c) for k, c in ts.items()}
    table(f"cold start: one small file × {ARGS.cold} processes",
          measure("cold", {k: [c] * ARGS.cold for k, c in ts.items()}), rss)
    print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
