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


def fit(model, label_smoothing, epochs=200):
    """Full-batch training on the 300 training digits."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.0)
    for epoch in range(epochs):
        model.train()
        loss = torch.nn.functional.cross_entropy(model(images[train]), labels[train], label_smoothing=label_smoothing)
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
    wrong = logits.argmax(1) != labels[split]
    confidence_when_wrong = logits.softmax(1).max(1).values[wrong].mean().item()  # how sure its mistakes are
    return loss, accuracy, confidence_when_wrong


plain = fit(make_model(), label_smoothing=0.0)
smoothed = fit(make_model(), label_smoothing=0.1)  # targets: 0.91 for the true class, 0.01 for each other

for name, model in [("hard labels", plain), ("label smoothing 0.1", smoothed)]:
    loss, accuracy, confidence_when_wrong = evaluate(model, test)
    print(f"{name:>19}: test accuracy {accuracy:.1%}, mean confidence on its mistakes {confidence_when_wrong:.0%}")
assert evaluate(smoothed, test)[2] < 0.7 * evaluate(plain, test)[2]
assert evaluate(smoothed, test)[1] >= evaluate(plain, test)[1]
