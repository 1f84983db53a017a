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


def make_model(dropout):
    torch.manual_seed(0)  # the same initial weights for every run
    return torch.nn.Sequential(
        torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Dropout(p=dropout), torch.nn.Linear(128, 10)
    ).to(device, torch.float64)


def fit(model, weight_decay=0.0, epochs=200):
    """Full-batch training on the 300 training digits."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=weight_decay)
    for epoch in range(epochs):
        model.train()
        loss = torch.nn.functional.cross_entropy(model(images[train]), labels[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


@torch.no_grad()
def evaluate(model, split):
    model.eval()  # dropout off, batch norm on its running statistics
    logits = model(images[split])
    loss = torch.nn.functional.cross_entropy(logits, labels[split]).item()
    accuracy = (logits.argmax(1) == labels[split]).float().mean().item()
    return loss, accuracy


plain = fit(make_model(dropout=0.0))
dropped = fit(make_model(dropout=0.5))  # each training step silences a random half of the hidden units

for name, model in [("no dropout", plain), ("dropout 0.5", dropped)]:
    loss, accuracy = evaluate(model, test)
    print(f"{name:>11}: test loss {loss:.3f}, test accuracy {accuracy:.1%}")
assert evaluate(dropped, test)[0] < evaluate(plain, test)[0]
assert evaluate(dropped, test)[1] > evaluate(plain, test)[1]
