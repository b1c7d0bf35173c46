#!/usr/bin/env python3
"""Target 2 of the performance work: time to quality against the PyTorch peer, one thread each, one run after the
other, seeds 1-3 (by default). For each seed: the peer `torch_toy_ebm.py --eps 0.2 --steps 3000 --threads 1 --seed S`
(through bench/torch_cpu_toy.py, which adds the CPU time of its training loop), then
`bin/ebm train examples/toy/eight-gaussians-peer.yaml --set seed=S` with EBM_THREADS=1. Prints every run and the
means as a Markdown table: training-loop wall time (start-up excluded on both sides), training-thread CPU time,
final grid KL (nats).

    python3 bench/time_to_quality.py [--seeds 1,2,3] [--steps 3000] [--spec examples/toy/eight-gaussians-peer.yaml]
"""
import argparse, json, os, pathlib, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from compare_all import peers_dir  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--spec", default=str(ROOT / "examples/toy/eight-gaussians-peer.yaml"))
    ap.add_argument("--set", action="append", default=[], help="extra --set for bin/ebm train (e.g. negatives.policy=fifo)")
    ap.add_argument("--peers")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--out", default=None, help="directory for the run directories (default: a temporary one)")
    a = ap.parse_args()
    peers = peers_dir(a.peers)
    env = dict(os.environ, EBM_THREADS="1", OMP_NUM_THREADS="1")
    out = pathlib.Path(a.out or tempfile.mkdtemp(prefix="ttq-"))
    rows = []
    for seed in [int(s) for s in a.seeds.split(",")]:
        peer = subprocess.run([a.python, str(ROOT / "bench/torch_cpu_toy.py"), str(peers / "torch_toy_ebm.py"),
                               "--eps", "0.2", "--steps", str(a.steps), "--threads", "1", "--seed", str(seed)],
                              env=env, capture_output=True, text=True, check=True).stdout
        last = [json.loads(l) for l in peer.splitlines() if l.startswith("{")][-1]
        rows.append(("pytorch", seed, last["wall_s"], last.get("cpu_s"), last["kl"]))
        print(json.dumps({"impl": "pytorch", "seed": seed, **last}), file=sys.stderr, flush=True)
        run = out / f"seed{seed}-{int(time.time())}"
        cmd = [str(ROOT / "bin/ebm"), "train", a.spec, "--out", str(run), "--set", f"seed={seed}",
               "--set", f"train.steps={a.steps}"]
        for s in a.set:
            cmd += ["--set", s]
        subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        ev = json.loads((run / "eval.json").read_text())
        rows.append(("ebm", seed, ev["train_wall_s"], ev.get("train_cpu_s"), ev["kl"]))
        print(json.dumps({"impl": "ebm", "seed": seed, "wall_s": ev["train_wall_s"], "cpu_s": ev.get("train_cpu_s"),
                          "kl": ev["kl"], "run": str(run)}), file=sys.stderr, flush=True)
    print("| impl | seed | training-loop wall s | training-thread CPU s | grid KL (nats) |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]:.1f} | {r[3] if r[3] is None else f'{r[3]:.1f}'} | {r[4]:.3f} |")
    for impl in ("pytorch", "ebm"):
        rs = [r for r in rows if r[0] == impl]
        cpu = [r[3] for r in rs if r[3] is not None]
        print(f"| {impl} | mean | {sum(r[2] for r in rs) / len(rs):.1f} | "
              f"{(sum(cpu) / len(cpu)) if cpu else float('nan'):.1f} | {sum(r[4] for r in rs) / len(rs):.3f} |")
    ours = [r for r in rows if r[0] == "ebm"]
    theirs = [r for r in rows if r[0] == "pytorch"]
    wall = sum(r[2] for r in ours) / sum(r[2] for r in theirs)
    cpu_o = [r[3] for r in ours if r[3] is not None]
    cpu_t = [r[3] for r in theirs if r[3] is not None]
    print(f"\nwall ratio ebm/pytorch {wall:.2f}; CPU ratio "
          f"{(sum(cpu_o) / sum(cpu_t)) if cpu_o and cpu_t else float('nan'):.2f}; "
          f"KL difference ebm - pytorch {sum(r[4] for r in ours) / len(ours) - sum(r[4] for r in theirs) / len(theirs):+.3f} nats")


if __name__ == "__main__":
    main()
