import numpy as np
import torch
from sklearn.datasets import load_digits

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)  # the same data split, start and mini-batches as the NumPy tab

digits = load_digits()
x_all = torch.tensor(digits.data / 16.0, device=device)  # float64, like NumPy
y_all = torch.tensor(digits.target, device=device)
order = rng.permutation(len(y_all))
train, test = order[:1400], order[1400:]
params = {
    "W1": rng.normal(0, 1 / np.sqrt(64), (64, 32)),
    "b1": np.zeros(32),
    "W2": rng.normal(0, 1 / np.sqrt(32), (32, 10)),
    "b2": np.zeros(10),
}
params = {name: torch.tensor(value, device=device, requires_grad=True) for name, value in params.items()}


def logits_of(x):
    hidden = torch.tanh(x @ params["W1"] + params["b1"])
    return hidden @ params["W2"] + params["b2"]


optimizer = torch.optim.SGD(params.values(), lr=0.5)
for epoch in range(1, 11):
    shuffled = rng.permutation(train)
    for start in range(0, len(shuffled), 32):
        batch = torch.as_tensor(shuffled[start : start + 32], device=device)
        loss = torch.nn.functional.cross_entropy(logits_of(x_all[batch]), y_all[batch])
        optimizer.zero_grad()
        loss.backward()  # every parameter's gradient, in one pass
        optimizer.step()
    if epoch % 2 == 0:
        with torch.no_grad():
            train_loss = torch.nn.functional.cross_entropy(logits_of(x_all[train]), y_all[train])
            accuracy = (logits_of(x_all[test]).argmax(dim=1) == y_all[test]).double().mean()
        print(f"epoch {epoch:2d}: train loss {train_loss:.4f}, test accuracy {accuracy:.3f}")
assert accuracy > 0.9
