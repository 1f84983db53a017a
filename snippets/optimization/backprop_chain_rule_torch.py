import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def leaf(value):
    return torch.tensor(value, dtype=torch.float64, device=device, requires_grad=True)


# The same neuron; autograd records the graph while the forward pass runs.
x, w, b = leaf(1.5), leaf(0.8), leaf(-0.2)
y = torch.tensor(0.5, dtype=torch.float64, device=device)
z = w * x + b
a = torch.tanh(z)
loss = (a - y) ** 2
z.retain_grad()  # keep the gradients of two intermediate nodes too
a.retain_grad()
loss.backward()
print(f"forward:  z = {z.item():.4f}, a = {a.item():.4f}, L = {loss.item():.4f}")
print(f"autograd: dL/da = {a.grad.item():.4f}, dL/dz = {z.grad.item():.4f}")
print(f"          dL/dw = {w.grad.item():.4f}, dL/db = {b.grad.item():.4f}, dL/dx = {x.grad.item():.4f}")

# The recorded graph, from L back towards w (each node's first input).
names, node = [], loss.grad_fn
while node is not None:
    names.append(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None
print("graph:   ", " <- ".join(["L"] + names))
chain_rule = 2 * (a - y) * (1 - a**2) * x  # dL/da * da/dz * dz/dw, by hand
assert torch.allclose(w.grad, chain_rule.detach(), rtol=1e-12)
assert names[:4] == ["PowBackward0", "SubBackward0", "TanhBackward0", "AddBackward0"]
