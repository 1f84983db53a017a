import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
x = torch.tensor(digits.data / 16, dtype=torch.float32, device=device)
y = torch.tensor(digits.target, device=device)
EPOCHS, STOP, BATCH = 8, 4, 100
STEPS = EPOCHS * -(-len(x) // BATCH)


def new_run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / STEPS)
    shuffler = torch.Generator().manual_seed(seed)
    return model, optimizer, scheduler, shuffler


def train_epoch(model, optimizer, scheduler, shuffler, log):
    for batch in torch.randperm(len(x), generator=shuffler).split(BATCH):
        log["lr"].append(optimizer.param_groups[0]["lr"])
        loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        with torch.no_grad():  # loss on all images: where the model is, without the noise of one batch
            log["loss"].append(nn.functional.cross_entropy(model(x), y).item())


logs = {"uninterrupted": {"lr": [], "loss": []}}
run = new_run(seed=0)
for epoch in range(EPOCHS):
    train_epoch(*run, logs["uninterrupted"])

model, optimizer, scheduler, shuffler = new_run(seed=0)
first_part = {"lr": [], "loss": []}
for epoch in range(STOP):
    train_epoch(model, optimizer, scheduler, shuffler, first_part)
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "checkpoint.pt"
parts = {"model": model, "optimizer": optimizer, "scheduler": scheduler}
torch.save({name: part.state_dict() for name, part in parts.items()} | {"shuffler": shuffler.get_state()}, path)

# Resume four times: with everything, then each time leaving one part of the state out.
for left_out in (None, "optimizer", "scheduler", "shuffler"):
    name = f"without {left_out}" if left_out else "full checkpoint"
    model, optimizer, scheduler, shuffler = new_run(seed=1)
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    if left_out != "optimizer":
        optimizer.load_state_dict(checkpoint["optimizer"])
    if left_out != "scheduler":
        scheduler.load_state_dict(checkpoint["scheduler"])
    if left_out != "shuffler":
        shuffler.set_state(checkpoint["shuffler"])
    logs[name] = {key: list(values) for key, values in first_part.items()}
    for epoch in range(STOP, EPOCHS):
        train_epoch(model, optimizer, scheduler, shuffler, logs[name])
folder.cleanup()

reference = logs["uninterrupted"]["loss"]
resume_step = len(first_part["loss"])
print(
    f"resumed after step {resume_step} of {len(reference)}; loss on all images at the end, uninterrupted: {reference[-1]:.4f}"
)
for name, log in list(logs.items())[1:]:
    differ = sum(a != b for a, b in zip(log["loss"], reference))
    rise = max(a - b for a, b in zip(log["loss"], reference))
    print(
        f"{name:18s} steps that differ {differ:3d}, largest rise {rise:.4f}, final loss {log['loss'][-1]:.4f}, last lr {log['lr'][-1]:.5f}"
    )
assert logs["full checkpoint"] == logs["uninterrupted"]  # every loss and every learning rate
assert all(logs[name]["loss"] != reference for name in logs if name.startswith("without"))
