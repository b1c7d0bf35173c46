#!/usr/bin/env python3
"""This machine's sgemm peak: float32 C = A·B for square matrices of 512, 1024 and 2048, best of several repetitions,
through ND4J's bundled OpenBLAS (bench/SgemmPeak.java on the distribution's class path) and through PyTorch (torch.mm).
One JSON line per implementation and size; the peak is the largest `gflops`. With --threads 1 the times are the
CPU time of the calling thread (far less disturbed by other processes than elapsed time), otherwise elapsed time.

    OMP_NUM_THREADS=2 /usr/bin/python3 bench/sgemm_peak.py --threads 2
"""
import argparse, json, os, pathlib, subprocess, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=int(os.environ.get("EBM_THREADS", "2")))
a = ap.parse_args()
env = dict(os.environ, OMP_NUM_THREADS=str(a.threads))
dist = ROOT / "ebm-runner/target/dist"
ext = (dist / "native.properties").read_text().split("=", 1)[1].strip() if (dist / "native.properties").exists() else ""
out = subprocess.run(["java", "-Xmx1g", f"-Dorg.bytedeco.javacpp.platform.extension={ext}", "-cp", f"{dist}/lib/*:{dist}/mods/*",
                      str(ROOT / "bench/SgemmPeak.java")], env=env, capture_output=True, text=True, check=True).stdout
print("\n".join(l for l in out.splitlines() if l.startswith("{")), flush=True)
import torch
torch.set_num_threads(a.threads)
clock = time.thread_time if a.threads == 1 else time.perf_counter
for n in (512, 1024, 2048):
    x, y = torch.rand(n, n), torch.rand(n, n)
    reps = max(5, int(4e10 / (2.0 * n ** 3)))
    best = float("inf")
    for i in range(reps + 2):
        t0 = clock()
        torch.mm(x, y)
        if i >= 2:
            best = min(best, clock() - t0)
    print(json.dumps({"impl": "torch-" + torch.__version__, "n": n, "threads": a.threads,
                      "clock": "cpu" if a.threads == 1 else "wall", "best_s": round(best, 5),
                      "gflops": round(2.0 * n ** 3 / best / 1e9, 1)}), flush=True)
