import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
digits = load_digits()
images = torch.tensor(digits.images / 16, dtype=torch.float32, device=device).unsqueeze(1)
labels = torch.tensor(digits.target, device=device)
DRAWS, STEPS = 5, 50  # random draws of the few examples per setting; training steps


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


old = labels < 5
pretrained = train(make_cnn(), images[old], labels[old], steps=150, batch=64)
features_only = {name: value for name, value in pretrained.state_dict().items() if not name.startswith("6.")}
x_new, y_new = images[~old], labels[~old] - 5

gaps = {}
for per_class in (1, 5, 20):
    transfer, scratch = [], []
    for draw in range(DRAWS):
        few = pick_few(y_new, per_class, seed=draw)
        test = torch.ones(len(y_new), dtype=torch.bool, device=device)
        test[few] = False

        torch.manual_seed(draw)
        model = make_cnn()
        model.load_state_dict(features_only, strict=False)
        with torch.no_grad():  # frozen layers give the same features at every step: compute them once
            features = model[:6](x_new)
        train(model[6], features[few], y_new[few], steps=STEPS)  # only the head learns
        transfer.append(accuracy(model[6], features[test], y_new[test]))

        torch.manual_seed(draw)
        scratch.append(accuracy(train(make_cnn(), x_new[few], y_new[few], steps=STEPS), x_new[test], y_new[test]))
    gaps[per_class] = (sum(transfer) - sum(scratch)) / DRAWS
    print(
        f"{per_class:2d} per class: transfer {sum(transfer) / DRAWS:.3f}, scratch {sum(scratch) / DRAWS:.3f}, gap {gaps[per_class]:+.3f}"
    )
assert gaps[1] > 0 and gaps[20] < gaps[1]
