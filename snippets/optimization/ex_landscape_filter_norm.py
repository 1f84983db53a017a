import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # a network this small gains nothing from more CPU threads

digits = load_digits()
x = torch.tensor(digits.data / 16, dtype=torch.float32, device=device)
y = torch.tensor(digits.target, device=device)
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for batch in torch.randperm(len(x), device=device).repeat(3).split(32):  # three epochs
    loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# The same function: relu(10 z) / 10 = relu(z), so layer 1 times 10 and layer 2's weights over 10.
w1, b1, w2, b2 = (p.detach() for p in model.parameters())
original = [w1, b1, w2, b2]
rescaled = [10 * w1, 10 * b1, w2 / 10, b2]


def loss_at(params):
    w1, b1, w2, b2 = params
    return torch.nn.functional.cross_entropy(torch.relu(x @ w1.T + b1) @ w2.T + b2, y).item()


generator = torch.Generator().manual_seed(1)
raw = [torch.randn(p.shape, generator=generator).to(device) for p in original]  # one direction for both


def filter_normalized(params):
    return [
        torch.zeros_like(d) if p.dim() == 1 else d * p.norm(dim=1, keepdim=True) / d.norm(dim=1, keepdim=True)
        for p, d in zip(params, raw)
    ]


print(f"loss: original {loss_at(original):.4f}, rescaled {loss_at(rescaled):.4f}")
print("alpha   raw direction: original  rescaled   filter-normalized: original  rescaled")
for alpha in (0.1, 0.5, 1.0):
    row = []
    for make in (lambda params: raw, filter_normalized):
        for params in (original, rescaled):
            row.append(loss_at([p + alpha * d for p, d in zip(params, make(params))]))
    print(f"{alpha:5.1f}   {row[0]:23.4f}  {row[1]:8.4f}   {row[2]:27.4f}  {row[3]:8.4f}")
    assert abs(row[2] - row[3]) < 1e-4  # filter normalization sees the same function


def sharpness(params, iterations=30):
    """Largest Hessian eigenvalue of the loss, by power iteration on Hessian-vector products."""
    params = [p.clone().requires_grad_(True) for p in params]
    w1, b1, w2, b2 = params
    loss = torch.nn.functional.cross_entropy(torch.relu(x @ w1.T + b1) @ w2.T + b2, y)
    gradients = torch.autograd.grad(loss, params, create_graph=True)
    v = [torch.randn(p.shape, generator=torch.Generator().manual_seed(2)).to(device) for p in params]
    for _ in range(iterations):
        norm = torch.sqrt(sum((a * a).sum() for a in v))
        v = [a / norm for a in v]
        hv = torch.autograd.grad(gradients, params, grad_outputs=v, retain_graph=True)
        eigenvalue = sum((a * b).sum() for a, b in zip(hv, v)).item()
        v = [a.detach() for a in hv]
    return eigenvalue


print(f"largest Hessian eigenvalue: original {sharpness(original):.2f}, rescaled {sharpness(rescaled):.2f}")
