import numpy as np
import torch
from sklearn.datasets import load_digits

rng = np.random.default_rng(0)


def init_params(n_in, n_hidden, n_out, rng):
    return {
        "W1": rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.normal(0, 1 / np.sqrt(n_hidden), (n_hidden, n_out)),
        "b2": np.zeros(n_out),
    }


def forward(params, x, y):
    """Mean cross-entropy of a two-layer tanh MLP, and what backward needs."""
    h = np.tanh(x @ params["W1"] + params["b1"])  # (n, hidden)
    logits = h @ params["W2"] + params["b2"]  # (n, classes)
    logits = logits - logits.max(axis=1, keepdims=True)  # same softmax, no overflow
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(len(y)), y]))
    return loss, (x, h, p, y)


def backward(params, cache):
    """The chain rule, layer by layer from the loss back to W1."""
    x, h, p, y = cache
    d_logits = p.copy()
    d_logits[np.arange(len(y)), y] -= 1
    d_logits /= len(y)  # dL/dlogits = (P - Y) / n
    d_h = d_logits @ params["W2"].T
    d_z1 = d_h * (1 - h**2)  # tanh' = 1 - tanh^2
    return {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_logits, "b2": d_logits.sum(axis=0)}


digits = load_digits()
x_all, y_all = digits.data / 16.0, digits.target  # (1797, 64) pixels in [0, 1], labels 0-9
order = rng.permutation(len(y_all))
train, test = order[:1400], order[1400:]
params = init_params(64, 32, 10, rng)
n_params = sum(value.size for value in params.values())

# 1. Check every parameter's gradient on a small batch: central differences, then autograd in float64.
x_batch, y_batch = x_all[train[:16]], y_all[train[:16]]
by_hand = backward(params, forward(params, x_batch, y_batch)[1])
worst_fd, h = 0.0, 1e-5
for name, value in params.items():
    for index in np.ndindex(value.shape):
        saved = value[index]
        value[index] = saved + h
        up = forward(params, x_batch, y_batch)[0]
        value[index] = saved - h
        down = forward(params, x_batch, y_batch)[0]
        value[index] = saved
        worst_fd = max(worst_fd, abs((up - down) / (2 * h) - by_hand[name][index]))
tensors = {name: torch.tensor(value, requires_grad=True) for name, value in params.items()}
hidden = torch.tanh(torch.tensor(x_batch) @ tensors["W1"] + tensors["b1"])
logits = hidden @ tensors["W2"] + tensors["b2"]
torch.nn.functional.cross_entropy(logits, torch.tensor(y_batch)).backward()
worst_torch = max(np.abs(by_hand[name] - tensors[name].grad.numpy()).max() for name in params)
assert worst_fd < 1e-8 and worst_torch < 1e-12
print(f"{n_params} parameters, {2 * n_params} forward passes for central differences")
print("by hand vs central differences: max difference below 1e-8")
print("by hand vs torch.autograd:      max difference below 1e-12")

# 2. Train with mini-batch SGD, the gradient from backward() alone.
learning_rate, batch_size = 0.5, 32
for epoch in range(1, 11):
    shuffled = rng.permutation(train)
    for start in range(0, len(shuffled), batch_size):
        batch = shuffled[start : start + batch_size]
        gradients = backward(params, forward(params, x_all[batch], y_all[batch])[1])
        for name in params:
            params[name] -= learning_rate * gradients[name]
    if epoch % 2 == 0:
        train_loss = forward(params, x_all[train], y_all[train])[0]
        hidden_test = np.tanh(x_all[test] @ params["W1"] + params["b1"])
        accuracy = np.mean((hidden_test @ params["W2"] + params["b2"]).argmax(axis=1) == y_all[test])
        print(f"epoch {epoch:2d}: train loss {train_loss:.4f}, test accuracy {accuracy:.3f}")
assert accuracy > 0.9
