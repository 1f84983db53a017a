import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The same data in every snippet on this page: 300 digits to learn from, 500 to validate on, 997 to test on.
# float64 throughout, so that the printed numbers come out the same on every CPU.
digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float64, device=device) / 16  # (1797, 64), pixels in [0, 1]
labels = torch.tensor(digits.target, device=device)  # (1797,)
order = torch.randperm(len(images), generator=torch.Generator().manual_seed(0)).to(device)
train, val, test = order[:300], order[300:800], order[800:]


def make_model():
    torch.manual_seed(0)  # the same initial weights for every run
    layers = [torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)]
    return torch.nn.Sequential(*layers).to(device, torch.float64)


def shift_randomly(batch):
    """Move each 8x8 image by -1, 0 or +1 pixel in each direction (zero padding): still the same digit."""
    n = len(batch)
    padded = torch.nn.functional.pad(batch.view(n, 8, 8), (1, 1, 1, 1))  # (n, 10, 10)
    dy, dx = torch.randint(0, 3, (2, n, 1, 1), device=batch.device)
    rows = (dy + torch.arange(8, device=batch.device).view(1, 8, 1)).expand(n, 8, 8)
    cols = (dx + torch.arange(8, device=batch.device).view(1, 1, 8)).expand(n, 8, 8)
    return padded[torch.arange(n, device=batch.device).view(n, 1, 1), rows, cols].reshape(n, 64)


def fit(model, augment, epochs=200):
    """Full-batch training on the 300 training digits."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.0)
    for epoch in range(epochs):
        model.train()
        inputs = shift_randomly(images[train]) if augment else images[train]  # new shifts every epoch
        loss = torch.nn.functional.cross_entropy(model(inputs), labels[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


@torch.no_grad()
def evaluate(model, split, inputs=None):
    model.eval()  # dropout off, batch norm on its running statistics
    logits = model(images[split] if inputs is None else inputs)
    loss = torch.nn.functional.cross_entropy(logits, labels[split]).item()
    accuracy = (logits.argmax(1) == labels[split]).float().mean().item()
    return loss, accuracy


plain = fit(make_model(), augment=False)
augmented = fit(make_model(), augment=True)
shifted_test = shift_randomly(images[test])  # the test digits, each moved by up to one pixel

for name, model in [("no augmentation", plain), ("random shifts", augmented)]:
    accuracy, shifted_accuracy = evaluate(model, test)[1], evaluate(model, test, shifted_test)[1]
    print(f"{name:>15}: test accuracy {accuracy:.1%}, on shifted test digits {shifted_accuracy:.1%}")
assert evaluate(augmented, test, shifted_test)[1] > evaluate(plain, test, shifted_test)[1] + 0.3
