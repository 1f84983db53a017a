import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
x = torch.tensor(digits.data / 16, dtype=torch.float32, device=device)
y = torch.tensor(digits.target, device=device)
EPOCHS, BATCH = 3, 100
STOP_EPOCH, STOP_BATCH = 1, 7  # interrupted in the second epoch, after its first seven mini-batches


def new_run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10)).to(device)
    return model, torch.optim.Adam(model.parameters(), lr=0.01), torch.Generator().manual_seed(seed)


def batches(shuffler):
    return torch.randperm(len(x), generator=shuffler).split(BATCH)  # draws this epoch's order


def step(model, optimizer, batch):
    loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


run = new_run(seed=0)
uninterrupted = [step(run[0], run[1], batch) for epoch in range(EPOCHS) for batch in batches(run[2])]

model, optimizer, shuffler = new_run(seed=0)
first_part = []
for epoch in range(STOP_EPOCH + 1):
    epoch_start = shuffler.get_state()  # before this epoch's order is drawn
    for position, batch in enumerate(batches(shuffler)):
        if (epoch, position) == (STOP_EPOCH, STOP_BATCH):
            break
        first_part.append(step(model, optimizer, batch))
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "checkpoint.pt"
torch.save(
    {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "epoch": STOP_EPOCH,
        "position": STOP_BATCH,  # mini-batches of this epoch already done
        "shuffler_now": shuffler.get_state(),  # after this epoch's order was drawn: too late
        "shuffler_at_epoch_start": epoch_start,  # redraws this epoch's order
    },
    path,
)

for key in ("shuffler_now", "shuffler_at_epoch_start"):
    model, optimizer, shuffler = new_run(seed=1)
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    shuffler.set_state(checkpoint[key])
    resumed = list(first_part)
    for epoch in range(checkpoint["epoch"], EPOCHS):
        for position, batch in enumerate(batches(shuffler)):
            if epoch == checkpoint["epoch"] and position < checkpoint["position"]:
                continue  # done before the interruption
            resumed.append(step(model, optimizer, batch))
    differ = sum(a != b for a, b in zip(resumed, uninterrupted))
    print(f"resumed with {key:23s} -> losses that differ: {differ} of {len(resumed)}")
folder.cleanup()
assert resumed == uninterrupted
