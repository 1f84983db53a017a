import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
images = torch.tensor(digits.images / 16, dtype=torch.float32, device=device).unsqueeze(1)  # (1797, 1, 8, 8)
labels = torch.tensor(digits.target, device=device)
PER_CLASS, DRAWS = 2, 10  # examples per new class; random draws of those examples
STEPS = 50  # training steps on the few examples, the same for both ways


def make_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),  # 8 x 8 x 8
        nn.ReLU(),
        nn.MaxPool2d(2),  # 8 x 4 x 4
        nn.Conv2d(8, 16, 3, padding=1),  # 16 x 4 x 4
        nn.ReLU(),
        nn.Flatten(),  # 256 features
        nn.Linear(256, 5),  # the head: scores of five classes
    ).to(device)


def train(model, x, y, steps, batch=None):
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=0.01)
    for step in range(steps):
        pick = torch.randint(len(x), (batch,), device=device) if batch else slice(None)
        loss = nn.functional.cross_entropy(model(x[pick]), y[pick])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


def pick_few(y, per_class, seed):
    """Indices of per_class randomly chosen examples of each of the five classes."""
    chooser = torch.Generator().manual_seed(seed)
    picked = []
    for label in range(5):
        of_label = torch.nonzero(y.cpu() == label).flatten()
        picked.append(of_label[torch.randperm(len(of_label), generator=chooser)[:per_class]])
    return torch.cat(picked).to(device)


# 1. Pretrain on every image of the digits 0-4, and save the state_dict.
old = labels < 5
pretrained = train(make_cnn(), images[old], labels[old], steps=150, batch=64)
pretrained_accuracy = accuracy(pretrained, images[old], labels[old])
print(f"pretrained on {int(old.sum())} images of 0-4: training accuracy {pretrained_accuracy:.3f}")
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "digits_0_to_4.pt"
torch.save(pretrained.state_dict(), path)

# 2. Reuse: read the file back, without the old head (layer 6).
saved = torch.load(path, map_location=device)
features_only = {name: value for name, value in saved.items() if not name.startswith("6.")}
folder.cleanup()

# 3. The new task, digits 5-9: a few examples per class to learn from, all the others to test on.
x_new, y_new = images[~old], labels[~old] - 5
results = {"transfer": [], "scratch": []}
for draw in range(DRAWS):
    few = pick_few(y_new, PER_CLASS, seed=draw)
    test = torch.ones(len(y_new), dtype=torch.bool, device=device)
    test[few] = False

    # Transfer: the convolutional layers from the file, frozen; a new head trained on the few examples.
    torch.manual_seed(draw)
    model = make_cnn()
    missing, unexpected = model.load_state_dict(features_only, strict=False)
    assert missing == ["6.weight", "6.bias"] and unexpected == []  # only the head starts afresh
    for parameter in model[:6].parameters():
        parameter.requires_grad_(False)
    results["transfer"].append(accuracy(train(model, x_new[few], y_new[few], steps=STEPS), x_new[test], y_new[test]))

    # From scratch: the same network, same initial head, every layer trained on the same few examples.
    torch.manual_seed(draw)
    results["scratch"].append(
        accuracy(train(make_cnn(), x_new[few], y_new[few], steps=STEPS), x_new[test], y_new[test])
    )

print(f"digits 5-9, {PER_CLASS} examples per class, tested on the other {int(test.sum())} images:")
for name, scores in results.items():
    print(f"{name:8s} " + " ".join(f"{score:.2f}" for score in scores) + f"   mean {sum(scores) / DRAWS:.3f}")
wins = sum(t > s for t, s in zip(results["transfer"], results["scratch"]))
print(f"transfer is better in {wins} of {DRAWS} draws")
assert sum(results["transfer"]) > sum(results["scratch"])
