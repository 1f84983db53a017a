import os
import sys
import tempfile
from pathlib import Path

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from sklearn.datasets import load_digits
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

# One thread in this process too: a process forked after a thread pool has run can hang in its first parallel op.
torch.set_num_threads(1)

WORLD_SIZE = 2  # processes
BATCH_PER_PROCESS = 32
COMBINED_BATCH = WORLD_SIZE * BATCH_PER_PROCESS  # samples per step, all processes together
EPOCHS = 2

digits = load_digits()
n = len(digits.target) // COMBINED_BATCH * COMBINED_BATCH  # whole combined batches only
dataset = TensorDataset(
    torch.tensor(digits.data[:n] / 16, dtype=torch.float32),  # (1792, 64) pixels scaled to [0, 1]
    torch.tensor(digits.target[:n]),  # (1792,) classes 0..9
)


def make_model():
    torch.manual_seed(0)  # the same initial weights in every process
    return torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))


def train(model, sampler, batch_size):
    """SGD over the batches the sampler hands out; returns the parameters as one list of numbers."""
    loader = DataLoader(dataset, batch_size=batch_size, sampler=sampler)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for epoch in range(EPOCHS):
        sampler.set_epoch(epoch)  # a new shuffle each epoch, the same one in every process
        for inputs, targets in loader:
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(inputs), targets).backward()
            optimizer.step()
    return torch.nn.utils.parameters_to_vector(model.parameters()).tolist()


def worker(rank, init_method, results):
    torch.set_num_threads(1)  # the processes share the cores, and a forked copy of a thread pool can hang
    os.environ["GLOO_SOCKET_IFNAME"] = "lo0" if sys.platform == "darwin" else "lo"  # loopback: stay on this machine
    dist.init_process_group("gloo", init_method=init_method, rank=rank, world_size=WORLD_SIZE)
    sampler = DistributedSampler(dataset, num_replicas=WORLD_SIZE, rank=rank, seed=0)  # this process's shard
    model = DistributedDataParallel(make_model())  # backward() now averages the gradients over the processes
    results.put((rank, train(model, sampler, BATCH_PER_PROCESS)))
    del model  # DDP holds the process group: torn down later, when Python frees the model, gloo can hang
    dist.destroy_process_group()


if __name__ == "__main__":
    # One process on the combined batches, in the same shuffled order (a DistributedSampler with one replica).
    sampler = DistributedSampler(dataset, num_replicas=1, rank=0, seed=0)
    one_process = torch.tensor(train(make_model(), sampler, COMBINED_BATCH))
    # WORLD_SIZE processes, each on its shard. fork runs functions typed into `python` (Linux);
    # spawn (macOS, Windows) needs this saved as a file.
    start_method = "fork" if sys.platform == "linux" else "spawn"
    results = mp.get_context(start_method).SimpleQueue()
    with tempfile.TemporaryDirectory() as folder:  # the processes meet through a file in here
        init_method = Path(folder, "rendezvous").as_uri()
        mp.start_processes(worker, args=(init_method, results), nprocs=WORLD_SIZE, start_method=start_method)
    replicas = {rank: torch.tensor(parameters) for rank, parameters in (results.get() for _ in range(WORLD_SIZE))}
    difference = (replicas[0] - one_process).abs().max().item()
    print(f"digits: {n} of {len(digits.target)}, steps: {EPOCHS * n // COMBINED_BATCH}, parameters: {len(one_process)}")
    print(f"rank 0 and rank 1 identical: {torch.equal(replicas[0], replicas[1])}")
    print(f"largest difference from one process: {difference:.1e}")
    assert torch.equal(replicas[0], replicas[1])  # every process applied the same averaged gradient
    assert difference < 1e-6  # float32 rounding: a mean of means is summed in another order
