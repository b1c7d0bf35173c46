#!/usr/bin/env python3
"""Runs the PyTorch reference benchmark (torch_ebm_bench.py) with its timer switched from elapsed time to the CPU
time of the calling thread, so that its medians compare with `bin/ebm bench --clock cpu`. With one thread
(--threads 1) all of torch's work runs on the calling thread, and other processes on the machine disturb the
measure far less than they disturb elapsed time.

    /usr/bin/python3 bench/torch_cpu_bench.py PEERS_DIR/torch_ebm_bench.py --workload mlp2d --threads 1
"""
import runpy
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
# torch_ebm_bench looks the timer up as time.perf_counter at every call
time.perf_counter = time.thread_time
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
