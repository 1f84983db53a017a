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


def make_model(batch_norm):
    """Three hidden layers; with batch_norm, each hidden layer's outputs are standardised over the batch."""
    torch.manual_seed(0)  # the same initial weights for every run
    layers, width = [], 64
    for _ in range(3):
        layers += [torch.nn.Linear(width, 128)]
        layers += [torch.nn.BatchNorm1d(128)] if batch_norm else []
        layers += [torch.nn.ReLU()]
        width = 128
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 10)).to(device, torch.float64)


def fit(model, epochs=100):
    """Full-batch training on the 300 training digits."""
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # plain SGD, the same for both
    for epoch in range(epochs):
        model.train()
        loss = torch.nn.functional.cross_entropy(model(images[train]), labels[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.final_training_loss = loss.item()
    return model


@torch.no_grad()
def evaluate(model, split):
    model.eval()  # dropout off, batch norm on its running statistics
    logits = model(images[split])
    loss = torch.nn.functional.cross_entropy(logits, labels[split]).item()
    accuracy = (logits.argmax(1) == labels[split]).float().mean().item()
    return loss, accuracy


plain = fit(make_model(batch_norm=False))
normalised = fit(make_model(batch_norm=True))

for name, model in [("no batch norm", plain), ("with batch norm", normalised)]:
    loss, accuracy = evaluate(model, test)
    print(f"{name:>15}: training loss {model.final_training_loss:.3f} after 100 steps, test accuracy {accuracy:.1%}")
assert normalised.final_training_loss < 0.1 * plain.final_training_loss
assert evaluate(normalised, test)[1] > evaluate(plain, test)[1] + 0.3
