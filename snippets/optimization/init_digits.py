import math

import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # a model this small gains nothing from more CPU threads, and loses when cores are busy
depth, width = 10, 64  # 10 hidden ReLU layers: deep enough to feel the initialisation, quick to train
epochs, batch_size, learning_rate = 5, 100, 0.02

# 1,200 digits to train on, 597 to validate on, standardised with the training statistics; float64 throughout,
# so that the printed numbers are the same on every CPU.
digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float64, device=device)  # (1797, 64)
labels = torch.tensor(digits.target, device=device)
order = torch.randperm(len(images), generator=torch.Generator().manual_seed(0)).to(device)
train, val = order[:1200], order[1200:]
std = images[train].std(0)
images = (images - images[train].mean(0)) / torch.where(std > 0, std, 1.0)  # constant pixels stay as they are

INITS = {
    "N(0, 1)": lambda w: torch.nn.init.normal_(w, std=1.0),
    "N(0, 0.01²)": lambda w: torch.nn.init.normal_(w, std=0.01),
    "Xavier": torch.nn.init.xavier_normal_,
    "He": lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity="relu"),
}


def make_model(init):
    torch.manual_seed(0)
    sizes, layers = [64] + [width] * depth, []
    for n_in, n_out in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(width, 10)).to(device, torch.float64)
    for module in model:
        if isinstance(module, torch.nn.Linear):
            init(module.weight)
            torch.nn.init.zeros_(module.bias)
    return model


def fit(model):
    """Mini-batch SGD with momentum; the same batches in the same order for every initialisation."""
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=0.9)
    shuffle, losses = torch.Generator().manual_seed(1), []
    for epoch in range(epochs):
        for batch in train[torch.randperm(len(train), generator=shuffle).to(device)].split(batch_size):
            loss = torch.nn.functional.cross_entropy(model(images[batch]), labels[batch])
            losses.append(loss.item())
            if not math.isfinite(loss.item()):
                return losses  # diverged: nothing more to learn
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return losses


histories, accuracies = {}, {}
print(f"{depth} hidden layers of width {width}, {epochs} epochs of mini-batches of {batch_size}, lr {learning_rate}")
print(f"{'init':<13}{'first loss':>12}{'last loss':>18}{'validation accuracy':>21}")
for name, init in INITS.items():
    model = make_model(init)
    histories[name] = fit(model)
    with torch.no_grad():
        accuracies[name] = (model(images[val]).argmax(1) == labels[val]).double().mean().item()
    losses = histories[name]
    last = f"{losses[-1]:.3f}" if math.isfinite(losses[-1]) else f"nan at step {len(losses)}"
    print(f"{name:<13}{losses[0]:>12.4g}{last:>18}{accuracies[name]:>21.1%}")

print(f"chance level: loss log(10) = {math.log(10):.3f}, accuracy 10%")
assert not math.isfinite(histories["N(0, 1)"][-1])  # diverged
assert abs(histories["N(0, 0.01²)"][-1] - math.log(10)) < 0.05  # never left chance level
assert accuracies["He"] > accuracies["Xavier"] + 0.1 and accuracies["He"] > 0.8
