#!/usr/bin/env python3
"""Resident memory of a training run: starts `bin/ebm train SPEC --out DIR [--set ...]`, samples the process's RSS
(VmRSS) every 0.25 s and the training step from DIR/metrics.jsonl, and prints one JSON line with the peak RSS, the
RSS first seen at each of the given steps, and the time from launch to the first training step (the first metrics
line is written after step 1): elapsed, and the CPU time the process (all its threads) had used by then, which a
busy machine disturbs far less. `process_cpu_s` is the CPU time of the whole run.

    python3 bench/rss.py examples/toy/eight-gaussians-ml.yaml --steps-at 1000,10000 --set train.steps=10000
"""
import argparse, json, os, pathlib, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def rss_kb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_s(pid):
    """User + system CPU time of the process (all threads) so far, or None once it has gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def last_step(metrics):
    try:
        with open(metrics, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 4096))
            lines = [l for l in f.read().decode(errors="ignore").splitlines() if l.startswith("{")]
            return json.loads(lines[-1])["step"] if lines else None
    except (OSError, ValueError, KeyError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("spec")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--steps-at", default="1000,10000")
    ap.add_argument("--out")
    a = ap.parse_args()
    out = pathlib.Path(a.out or tempfile.mkdtemp(prefix="rss-")) / "run"
    cmd = [str(ROOT / "bin/ebm"), "train", a.spec, "--out", str(out)]
    for s in a.set:
        cmd += ["--set", s]
    wanted = sorted(int(s) for s in a.steps_at.split(",") if s)
    t0 = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    at = {}
    first_step_s = None
    first_step_cpu = None
    last_cpu = None
    samples = []
    while p.poll() is None:
        kb = rss_kb(p.pid)
        c = cpu_s(p.pid)
        last_cpu = c if c is not None else last_cpu
        step = last_step(out / "metrics.jsonl")
        if step is not None and first_step_s is None:
            first_step_s = time.time() - t0
            first_step_cpu = c
        if kb:
            peak = max(peak, kb)
            samples.append((round(time.time() - t0, 2), step, kb // 1024))
            for w in wanted:
                if step is not None and step >= w and w not in at:
                    at[w] = kb // 1024
        time.sleep(0.1 if first_step_s is None else 0.25)
    err = p.stderr.read()
    if p.returncode != 0:
        sys.exit(f"train failed ({p.returncode}):\n{err[-3000:]}")
    ev = json.loads((out / "eval.json").read_text()) if (out / "eval.json").exists() else {}
    print(json.dumps({"spec": a.spec, "sets": a.set, "peak_rss_mb": peak // 1024,
                      "rss_mb_at_step": {str(k): v for k, v in at.items()},
                      "launch_to_first_step_s": None if first_step_s is None else round(first_step_s, 2),
                      "launch_to_first_step_cpu_s": first_step_cpu, "process_cpu_s": last_cpu,
                      "train_wall_s": ev.get("train_wall_s"), "kl": ev.get("kl"), "run": str(out),
                      "java_opts": os.environ.get("EBM_JAVA_OPTS", "(launcher defaults)")}))
    with open(out.parent / "rss-samples.jsonl", "w") as f:
        for s in samples:
            f.write(json.dumps({"t": s[0], "step": s[1], "rss_mb": s[2]}) + "\n")


if __name__ == "__main__":
    main()
