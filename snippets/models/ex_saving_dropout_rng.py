import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
x = torch.tensor(digits.data / 16, dtype=torch.float32, device=device)
y = torch.tensor(digits.target, device=device)
EPOCHS, STOP, BATCH = 4, 2, 100


def new_run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.2), nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    shuffler = torch.Generator().manual_seed(seed)
    return model, optimizer, shuffler


def train_epoch(model, optimizer, shuffler):
    losses = []
    for batch in torch.randperm(len(x), generator=shuffler).split(BATCH):
        loss = nn.functional.cross_entropy(model(x[batch]), y[batch])  # dropout draws from the global RNG
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def global_rng_state():
    return {"cpu": torch.get_rng_state(), "cuda": torch.cuda.get_rng_state_all() if device == "cuda" else []}


def set_global_rng_state(state):
    torch.set_rng_state(state["cpu"])
    if device == "cuda":
        torch.cuda.set_rng_state_all(state["cuda"])


run = new_run(seed=0)
uninterrupted = [loss for epoch in range(EPOCHS) for loss in train_epoch(*run)]

model, optimizer, shuffler = new_run(seed=0)
first_part = [loss for epoch in range(STOP) for loss in train_epoch(model, optimizer, shuffler)]
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "checkpoint.pt"
torch.save(
    {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "shuffler": shuffler.get_state(),
        "global_rng": global_rng_state(),  # the dropout masks to come
    },
    path,
)

for restore_global_rng in (False, True):
    model, optimizer, shuffler = new_run(seed=1)
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    shuffler.set_state(checkpoint["shuffler"])
    if restore_global_rng:
        set_global_rng_state(checkpoint["global_rng"])
    resumed = first_part + [loss for epoch in range(STOP, EPOCHS) for loss in train_epoch(model, optimizer, shuffler)]
    differ = sum(a != b for a, b in zip(resumed, uninterrupted))
    print(f"global RNG state restored: {restore_global_rng!s:5s} -> losses that differ: {differ} of {len(resumed)}")
folder.cleanup()
assert resumed == uninterrupted
