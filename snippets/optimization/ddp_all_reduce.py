import os
import sys
import tempfile
from pathlib import Path

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

WORLD_SIZE = 2  # processes

# One thread in this process too: a process forked after a thread pool has run can hang in its first parallel op.
torch.set_num_threads(1)


def worker(rank, init_method, results):
    torch.set_num_threads(1)  # the processes share the cores, and a forked copy of a thread pool can hang
    os.environ["GLOO_SOCKET_IFNAME"] = "lo0" if sys.platform == "darwin" else "lo"  # loopback: stay on this machine
    dist.init_process_group("gloo", init_method=init_method, rank=rank, world_size=WORLD_SIZE)
    tensor = torch.tensor([1.0, 2.0]) * (rank + 1)  # rank 0 holds [1, 2], rank 1 holds [2, 4]
    before = tensor.tolist()
    dist.all_reduce(tensor)  # in place: every process now holds the sum over all processes
    results.put((rank, before, tensor.tolist()))
    dist.destroy_process_group()


if __name__ == "__main__":
    # fork runs functions typed into `python` (Linux); spawn (macOS, Windows) needs this saved as a file
    start_method = "fork" if sys.platform == "linux" else "spawn"
    results = mp.get_context(start_method).SimpleQueue()
    with tempfile.TemporaryDirectory() as folder:  # the processes meet through a file in here
        init_method = Path(folder, "rendezvous").as_uri()
        mp.start_processes(worker, args=(init_method, results), nprocs=WORLD_SIZE, start_method=start_method)
    for rank, before, after in sorted(results.get() for _ in range(WORLD_SIZE)):
        print(f"rank {rank}: {before} -> all_reduce -> {after}")
        assert after == [3.0, 6.0]
