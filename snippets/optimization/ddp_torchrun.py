import os
import tempfile
from pathlib import Path

import torch
import torch.distributed as dist
from sklearn.datasets import load_digits
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

COMBINED_BATCH = 64  # samples per step over all processes, however many torchrun starts
EPOCHS = 2

# One process per GPU with nccl where there are GPUs; processes on the CPU with gloo where there are none.
use_cuda = torch.cuda.is_available()
local_rank = int(os.environ.get("LOCAL_RANK", 0))  # this process's number on its machine
device = torch.device("cuda", local_rank) if use_cuda else torch.device("cpu")
if use_cuda:
    torch.cuda.set_device(device)

if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT
    dist.init_process_group("nccl" if use_cuda else "gloo")
else:  # started by plain `python`: a world of one process
    folder = tempfile.TemporaryDirectory()
    init_method = Path(folder.name, "rendezvous").as_uri()
    dist.init_process_group("nccl" if use_cuda else "gloo", init_method=init_method, rank=0, world_size=1)

rank, world_size = dist.get_rank(), dist.get_world_size()
digits = load_digits()
n = len(digits.target) // COMBINED_BATCH * COMBINED_BATCH  # whole combined batches only
dataset = TensorDataset(
    torch.tensor(digits.data[:n] / 16, dtype=torch.float32),  # (1792, 64) pixels scaled to [0, 1]
    torch.tensor(digits.target[:n]),  # (1792,) classes 0..9
)
sampler = DistributedSampler(dataset, seed=0)  # shard count and number come from the process group
loader = DataLoader(dataset, batch_size=COMBINED_BATCH // world_size, sampler=sampler)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
model = DistributedDataParallel(model, device_ids=[local_rank] if use_cuda else None)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(EPOCHS):
    sampler.set_epoch(epoch)
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(inputs.to(device)), targets.to(device))
        loss.backward()
        optimizer.step()

if rank == 0:  # one process reports; model.module is the plain model, without DDP's synchronisation
    with torch.no_grad():
        inputs, targets = (tensor.to(device) for tensor in dataset.tensors)
        loss = torch.nn.functional.cross_entropy(model.module(inputs), targets)
    print(f"processes: {world_size}, samples per process per step: {COMBINED_BATCH // world_size}")
    print(f"training loss after {EPOCHS} epochs: {loss.item():.6f}")

del model  # DDP holds the process group: torn down later, when Python frees the model, gloo can hang
dist.destroy_process_group()
