import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # a model this small gains nothing from more CPU threads, and loses when cores are busy

digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float64, device=device)
images = (images - images.mean(0)) / (images.std(0) + 1e-3)
labels = torch.tensor(digits.target, device=device)


def train(fill: str, steps: int = 100):
    """A 64 -> 32 -> 10 ReLU MLP, full-batch SGD; returns distinct hidden units and training accuracy."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    model = model.to(device, torch.float64)
    for layer in (model[0], model[2]):
        if fill == "He":
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        else:
            torch.nn.init.constant_(layer.weight, {"zeros": 0.0, "constant 0.1": 0.1}[fill])
        torch.nn.init.zeros_(layer.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        loss = torch.nn.functional.cross_entropy(model(images), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # A hidden unit is its row of the first weight matrix and its bias; identical rows compute the same feature.
    units = torch.cat([model[0].weight, model[0].bias[:, None]], dim=1)
    distinct = len(torch.unique(units.round(decimals=10), dim=0))
    accuracy = (model(images).argmax(1) == labels).double().mean().item()
    return distinct, accuracy


print(f"{'init':<14}{'distinct hidden units':>22}{'training accuracy':>19}")
results = {fill: train(fill) for fill in ["zeros", "constant 0.1", "He"]}
for fill, (distinct, accuracy) in results.items():
    print(f"{fill:<14}{distinct:>22}{accuracy:>19.1%}")
assert results["zeros"][0] == 1 and results["constant 0.1"][0] == 1 and results["He"][0] == 32
assert results["He"][1] > results["constant 0.1"][1] + 0.3
