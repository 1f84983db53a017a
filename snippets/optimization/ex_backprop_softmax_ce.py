import numpy as np
import torch

rng = np.random.default_rng(0)
logits = rng.normal(size=5)  # one example, 5 classes
target = 2
one_hot = np.eye(5)[target]


def cross_entropy(z):
    return -(z[target] - np.log(np.sum(np.exp(z))))  # -log softmax(z)[target]


p = np.exp(logits) / np.sum(np.exp(logits))
by_formula = p - one_hot
h = 1e-6
by_differences = np.array(
    [(cross_entropy(logits + h * e) - cross_entropy(logits - h * e)) / (2 * h) for e in np.eye(5)]
)
z = torch.tensor(logits, requires_grad=True)  # float64 on the CPU, beside the NumPy
torch.nn.functional.cross_entropy(z[None], torch.tensor([target])).backward()
print("p     =", np.round(p, 4))
print("p - y =", np.round(by_formula, 4))
assert np.abs(by_formula - by_differences).max() < 1e-8
assert np.abs(by_formula - z.grad.numpy()).max() < 1e-12
print("p - y vs central differences: max difference below 1e-8")
print("p - y vs torch.autograd:      max difference below 1e-12")
print(f"sum of p - y = {np.round(by_formula.sum(), 12) + 0.0:.4f}")  # + 0.0 turns -0.0 into 0.0
