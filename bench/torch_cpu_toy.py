#!/usr/bin/env python3
"""Runs the PyTorch time-to-quality peer (torch_toy_ebm.py) unchanged, adding to each JSON line it prints `cpu_s`:
the CPU time of its main thread since the training loop started (its first call of time.perf_counter), which other
processes on a busy machine disturb far less than the wall time. With --threads 1 all of torch's work runs on that
thread. `cpu_s` is taken when the line is printed, so it includes that line's KL evaluation (`wall_s` does not).

    /usr/bin/python3 bench/torch_cpu_toy.py PEERS_DIR/torch_toy_ebm.py --eps 0.2 --steps 3000 --threads 1 --seed 1
"""
import json
import runpy
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
_perf_counter = time.perf_counter
_start_cpu = []


def _counter():
    if not _start_cpu:
        _start_cpu.append(time.thread_time())
    return _perf_counter()


_dumps = json.dumps


def _with_cpu(obj, *args, **kwargs):
    if isinstance(obj, dict) and "wall_s" in obj and _start_cpu:
        obj = dict(obj, cpu_s=round(time.thread_time() - _start_cpu[0], 1))
    return _dumps(obj, *args, **kwargs)


time.perf_counter = _counter
json.dumps = _with_cpu
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
