import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
x = torch.tensor(digits.data / 16, dtype=torch.float32, device=device)  # 1797 images, 64 pixels in [0, 1]
y = torch.tensor(digits.target, device=device)
EPOCHS, STOP, BATCH = 8, 4, 100
STEPS = EPOCHS * -(-len(x) // BATCH)  # mini-batches in the whole run


def new_run(seed):
    """Everything that changes while training: parameters, optimizer, schedule and shuffling."""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / STEPS)  # linear decay to 0
    shuffler = torch.Generator().manual_seed(seed)  # draws the order of the mini-batches
    return model, optimizer, scheduler, shuffler


def train_epoch(model, optimizer, scheduler, shuffler):
    losses = []
    for batch in torch.randperm(len(x), generator=shuffler).split(BATCH):
        loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        losses.append(loss.item())
    return losses


# The run to reproduce: all epochs in one go.
run = new_run(seed=0)
uninterrupted = [loss for epoch in range(EPOCHS) for loss in train_epoch(*run)]

# The same run, stopped after STOP epochs and saved to a checkpoint...
model, optimizer, scheduler, shuffler = new_run(seed=0)
resumed = [loss for epoch in range(STOP) for loss in train_epoch(model, optimizer, scheduler, shuffler)]
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "checkpoint.pt"
torch.save(
    {
        "epoch": STOP,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),  # Adam's moving averages and step count
        "scheduler": scheduler.state_dict(),  # where the schedule is
        "shuffler": shuffler.get_state(),  # the random state that picks the next epoch's order
    },
    path,
)
print(f"checkpoint after epoch {STOP}: {path.stat().st_size:,} bytes")

# ...and resumed as a new process would: fresh objects (another seed), then every state loaded back.
model, optimizer, scheduler, shuffler = new_run(seed=1)
checkpoint = torch.load(path, map_location="cpu")  # the RNG state must be a CPU tensor; load_state_dict moves the rest
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
scheduler.load_state_dict(checkpoint["scheduler"])
shuffler.set_state(checkpoint["shuffler"])
for epoch in range(checkpoint["epoch"], EPOCHS):
    resumed += train_epoch(model, optimizer, scheduler, shuffler)
folder.cleanup()

per_epoch = len(uninterrupted) // EPOCHS
for epoch in range(STOP - 1, EPOCHS):
    steps = slice(epoch * per_epoch, (epoch + 1) * per_epoch)
    mean_a, mean_b = (sum(losses[steps]) / per_epoch for losses in (uninterrupted, resumed))
    print(f"epoch {epoch + 1}: mean loss {mean_a:.6f} uninterrupted, {mean_b:.6f} resumed")
assert resumed == uninterrupted  # every loss, bit for bit
print(f"all {len(resumed)} losses identical: {resumed == uninterrupted}")
