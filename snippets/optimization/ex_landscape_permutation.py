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


def loss_at(params):
    w1, b1, w2, b2 = params
    return torch.nn.functional.cross_entropy(torch.relu(x @ w1.T + b1) @ w2.T + b2, y).item()


w1, b1, w2, b2 = (p.detach() for p in model.parameters())
a = [w1, b1, w2, b2]
order = torch.randperm(32, generator=torch.Generator().manual_seed(1)).to(device)  # relabel the hidden units
b = [w1[order], b1[order], w2[:, order], b2]
print(f"loss at A {loss_at(a):.4f}, at B (hidden units relabelled) {loss_at(b):.4f}")
for t in (0.25, 0.5, 0.75):
    print(f"  {1 - t:.2f} A + {t:.2f} B: loss {loss_at([(1 - t) * p + t * q for p, q in zip(a, b)]):.4f}")
midpoint = loss_at([(p + q) / 2 for p, q in zip(a, b)])
assert midpoint > (loss_at(a) + loss_at(b)) / 2  # a convex function could not do this
