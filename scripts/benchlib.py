# scripts/benchlib.py - shared helpers of scripts/bench and scripts/accuracy
#
# Python 3 standard library only.  Owns: installing missing Debian packages,
# timing a child under GNU time, the machine description, the temporary work
# directory, generating a synthetic archive, and rewriting one marked section
# of docs/BENCHMARKS.md so that every benchmark keeps its own section.
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GNU_TIME = "/usr/bin/time"


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def pkg_installed(p):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", p],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return "install ok installed" in r.stdout


def ensure_pkgs(pkgs, install=True):
    """Install the Debian packages in pkgs that are missing; return those still missing."""
    missing = [p for p in pkgs if not pkg_installed(p)]
    if not missing or not install:
        return missing
    if os.geteuid() != 0:
        log("missing packages %s (not root: skipping what needs them)" % " ".join(missing))
        return missing
    log("installing " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Other engineers share the machine: wait for their apt runs instead of failing.
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    subprocess.run(["apt-get"] + lock + ["install", "-y", "-qq", "--no-install-recommends"] + missing,
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    still = [p for p in missing if not pkg_installed(p)]
    if still:  # the package lists may be stale: update once and retry
        subprocess.run(["apt-get"] + lock + ["update", "-qq"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["apt-get"] + lock + ["install", "-y", "-qq", "--no-install-recommends"] + still,
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        still = [p for p in still if not pkg_installed(p)]
    if still:
        log("could not install " + " ".join(still))
    return still


def timed(argv, cwd=None, stdout=subprocess.DEVNULL, stderr=None, env=None):
    """Run argv under GNU time; return dict(wall, user, sys, cpu, rss_mb, rc, err)."""
    fd, tf = tempfile.mkstemp(prefix="bench-time.")
    os.close(fd)
    t0 = time.perf_counter()
    r = subprocess.run([GNU_TIME, "-o", tf, "-f", "%e %U %S %M"] + list(argv), cwd=cwd,
                       stdout=stdout, stderr=subprocess.PIPE if stderr is None else stderr,
                       env=env, text=True)
    wall = time.perf_counter() - t0
    with open(tf) as f:
        lines = [ln for ln in f.read().splitlines() if ln.strip()]
    os.unlink(tf)
    e, u, s, m = lines[-1].split()
    return {"wall": wall, "user": float(u), "sys": float(s), "cpu": float(u) + float(s),
            "rss_mb": int(m) / 1024.0, "rc": r.returncode,
            "err": r.stderr if stderr is None else "", "out": r.stdout if stdout == subprocess.PIPE else ""}


def dir_bytes(path):
    n = 0
    for root, _dirs, files in os.walk(path):
        for fn in files:
            try:
                n += os.lstat(os.path.join(root, fn)).st_size
            except OSError:
                pass
    return n


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            for ln in f:
                if ln.startswith("MemTotal:"):
                    mem = int(ln.split()[1]) * 1024
    except OSError:
        pass
    return {"cores": os.cpu_count() or 1, "mem_gb": mem / 2**30, "cpu": cpu,
            "kernel": platform.release(), "load": os.getloadavg()}


def tool_version(argv):
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=10)
        return r.stdout.strip().splitlines()[0] if r.stdout.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "absent"


def git_commit(top):
    """`git describe` of the tree at top, or "" when git is absent (a tree
    copied to a fresh machine without git) or top is no repository."""
    try:
        r = subprocess.run(["git", "-C", top, "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, timeout=30)
        return r.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


class Workdir:
    """A temporary directory under $BENCH_DIR or /tmp, removed on exit unless keep."""

    def __init__(self, keep=False, prefix="minutes-bench."):
        base = os.environ.get("BENCH_DIR") or tempfile.gettempdir()
        os.makedirs(base, exist_ok=True)
        self.path = tempfile.mkdtemp(prefix=prefix, dir=base)
        self.keep = keep

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if self.keep:
            log("kept work directory " + self.path)
        else:
            shutil.rmtree(self.path, ignore_errors=True)
        return False


def generate(meetings, seed, out, jobs=None, extra=()):
    """corpora/gen into out (must not exist); return (seconds, truth path)."""
    argv = [os.path.join(TOP, "corpora", "gen"), "--meetings", str(meetings), "--seed", str(seed),
            "--quiet"]
    if jobs:
        argv += ["--jobs", str(jobs)]
    argv += list(extra)
    t0 = time.perf_counter()
    subprocess.run(argv + [out], check=True)
    return time.perf_counter() - t0, out.rstrip("/") + ".truth.jsonl"


DOC_HEAD = """# Benchmarks

Figures measured by the project's own harnesses.  Each section is rewritten by
the command named in it; the rest of the file is left alone, so every benchmark
(index build and queries, parser accuracy, HTTP server, research commands) keeps
its own section.  The machine is shared with other engineers while these are
measured: figures are noisy, and only the ratios of tools measured side by side
in one run are meaningful.

"""


def update_doc(path, key, title, body):
    """Replace (or append) the section between <!-- KEY begin --> and <!-- KEY end -->."""
    begin, end = "<!-- %s begin -->" % key, "<!-- %s end -->" % key
    block = "%s\n## %s\n\n%s\n%s\n" % (begin, title, body.rstrip() + "\n", end)
    try:
        with open(path, encoding="utf-8") as f:
            doc = f.read()
    except FileNotFoundError:
        doc = DOC_HEAD
    pat = re.compile(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pat.search(doc):
        doc = pat.sub(lambda _m: block, doc, count=1)
    else:
        doc = doc.rstrip("\n") + "\n\n" + block
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(doc)
    os.replace(tmp, path)


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out) + "\n"
