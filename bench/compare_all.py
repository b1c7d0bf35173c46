#!/usr/bin/env python3
"""Side-by-side benchmark tables against the PyTorch peer: targets 1 and 5 of the performance work.

Runs the peer's compare.py (alternating runs, ratio pair by pair) for every workload and scaling variant and prints
Markdown tables of the medians and ratios (project / PyTorch; below 1: faster), each with the achieved fraction of
this machine's sgemm peak (nominal matmul/convolution FLOPs / time / peak; peak from bench/sgemm_peak.py or --peak).

    python3 bench/compare_all.py                      # 2 threads, wall clock, 5 runs for targets 1, 3 for target 5
    python3 bench/compare_all.py --threads 1 --clock cpu --runs 3 --scaling-runs 1   # on a busy machine

--clock cpu times the CPU time of the working thread on both sides (bin/ebm bench --clock cpu and
bench/torch_cpu_bench.py); it needs --threads 1 and is far less disturbed by other processes than elapsed time.
"""
import argparse, json, os, pathlib, shlex, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIELDS = (("langevin_step_ms", "Langevin step"), ("train_step_ms", "train step (K = 20)"),
          ("kl_backprop_ms", "KL backprop"))


def peers_dir(arg):
    for c in ([arg] if arg else []) + [os.environ.get("EBM_PEERS"), ROOT / "../shared/peers",
                                          ROOT / "../../shared/peers"]:
        if c and (pathlib.Path(c) / "compare.py").exists():
            return pathlib.Path(c).resolve()
    sys.exit("cannot find the peers directory (compare.py, torch_ebm_bench.py): pass --peers DIR or set EBM_PEERS")


def flops(workload, batch, hidden):
    """Nominal forward FLOPs F of one energy evaluation (2 per multiply-add, matmuls and convolutions only)."""
    if workload == "mlp2d":
        h = hidden or 128
        return 2 * batch * (2 * h + h * h + h)
    # cnn28: 1->32 at 28x28 (stride 1), 32->64 at 14x14, 64->64 at 7x7, 64->64 at 4x4 (stride 2), 3x3 kernels
    per = 2 * 9 * (1 * 32 * 28 * 28 + 32 * 64 * 14 * 14 + 64 * 64 * 7 * 7 + 64 * 64 * 4 * 4) + 2 * 1024
    return batch * per


# multiples of F per timed quantity: Langevin = forward + input gradient; train = K Langevin steps + forward and
# backward (input and weight gradients) of two batches; KL = inner forward and input gradient, outer forward and
# input gradient, backward through the inner gradient (2F) and the inner forward (2F)
MULT = {"langevin_step_ms": 2, "train_step_ms": 2 * 20 + 2 * 3, "kl_backprop_ms": 8}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="compare.py pairs for target 1 (default 5)")
    ap.add_argument("--scaling-runs", type=int, default=3, help="compare.py pairs per scaling variant (default 3)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    ap.add_argument("--peers", help="directory of compare.py and torch_ebm_bench.py")
    ap.add_argument("--python", default="/usr/bin/python3", help="interpreter with torch (default /usr/bin/python3)")
    ap.add_argument("--peak", type=float, help="sgemm peak in GFLOP/s (default: measured by bench/sgemm_peak.py)")
    ap.add_argument("--only", help="comma-separated subset of variants, e.g. mlp2d,cnn28@b16")
    ap.add_argument("--no-scaling", action="store_true", help="target 1 only")
    a = ap.parse_args()
    if a.clock == "cpu" and a.threads != 1:
        ap.error("--clock cpu needs --threads 1")
    peers = peers_dir(a.peers)
    env = dict(os.environ, EBM_THREADS=str(a.threads), OMP_NUM_THREADS=str(a.threads))
    ebm = str(ROOT / "bin/ebm")
    if not (ROOT / "ebm-runner/target/dist").exists():
        subprocess.run([ebm, "plugins"], env=env, check=True, capture_output=True)
    if a.peak is None:
        out = subprocess.run([a.python, str(ROOT / "bench/sgemm_peak.py"), "--threads", str(a.threads)], env=env,
                             capture_output=True, text=True, check=True).stdout
        a.peak = max(json.loads(l)["gflops"] for l in out.splitlines() if l.startswith("{"))
    variants = [("mlp2d", None, None, a.runs), ("cnn28", None, None, a.runs)]
    if not a.no_scaling:
        variants += [("mlp2d", b, None, a.scaling_runs) for b in (64, 1024, 4096)]
        variants += [("mlp2d", None, 512, a.scaling_runs)]
        variants += [("cnn28", b, None, a.scaling_runs) for b in (16, 128)]
    rows = []
    for w, b, h, runs in variants:
        name = w + (("@" + (f"b{b}" if b else "") + (f"h{h}" if h else "")) if (b or h) else "")
        if a.only and name not in a.only.split(","):
            continue
        extra = (f" --batch {b}" if b else "") + (f" --hidden {h}" if h else "")
        ours = f"{ebm} bench --workload {w}{extra} --json" + (" --clock cpu" if a.clock == "cpu" else "")
        if a.clock == "cpu":
            theirs = f"{a.python} {ROOT / 'bench/torch_cpu_bench.py'} {peers / 'torch_ebm_bench.py'}"
        else:
            theirs = f"{a.python} {peers / 'torch_ebm_bench.py'}"
        theirs += f" --workload {w}{extra} --threads {a.threads}"
        cmd = [sys.executable, str(peers / "compare.py"), "--runs", str(runs), "--workload", name, "--a", ours,
               "--b", theirs]
        t0 = time.time()
        res = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"{name}: compare.py failed\n{res.stdout}\n{res.stderr}")
        rep = json.loads(res.stdout.strip().splitlines()[-1])
        print(json.dumps(rep), f"# {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
        batch = b or (256 if w == "mlp2d" else 64)
        rows.append((name, batch, h or (128 if w == "mlp2d" else None), runs, rep, flops(w, batch, h)))
    print(f"\nthreads {a.threads}, clock {a.clock}, sgemm peak {a.peak:.0f} GFLOP/s; cells: ratio (ours vs PyTorch ms;"
          f" ours / PyTorch % of sgemm peak)\n")
    print("| workload | batch | pairs | " + " | ".join(t for _, t in FIELDS) + " |")
    print("|---|---|---|" + "---|" * len(FIELDS))
    for name, batch, hidden, runs, rep, f in rows:
        cells = []
        for key, _ in FIELDS:
            r = rep.get(key)
            if not r:
                cells.append("–")
                continue
            pa = 100 * MULT[key] * f / (r["a_ms"] * 1e-3) / (a.peak * 1e9)
            pb = 100 * MULT[key] * f / (r["b_ms"] * 1e-3) / (a.peak * 1e9)
            cells.append(f"{r['ratio_a_over_b']:.2f} ({r['a_ms']:.3g} vs {r['b_ms']:.3g}; {pa:.1f} / {pb:.1f} %)")
        print(f"| `{name}` | {batch} | {runs} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
