import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# 1. Data: 100 points on the line y = 2x + 1, with a little noise.
x = torch.linspace(-1, 1, 100, device=device).unsqueeze(1)  # (100, 1)
y = 2 * x + 1 + 0.1 * torch.randn(x.shape, device=device)

# 2. Model: one weight and one bias, y_hat = w * x + b.
model = torch.nn.Linear(in_features=1, out_features=1).to(device)

# 3. Loss: mean squared error between prediction and target.
loss_fn = torch.nn.MSELoss()

# 4. Optimization algorithm: gradient descent on the model's parameters.
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

losses = []
for step in range(200):
    y_hat = model(x)
    loss = loss_fn(y_hat, y)
    optimizer.zero_grad()  # (1)!
    loss.backward()  # (2)!
    optimizer.step()  # (3)!
    losses.append(loss.item())

w, b = model.weight.item(), model.bias.item()
print(f"loss: {losses[0]:.4f} -> {losses[-1]:.4f}")
print(f"learned w = {w:.2f}, b = {b:.2f}  (true: 2, 1)")
assert losses[-1] < 0.1 * losses[0]
assert abs(w - 2) < 0.1 and abs(b - 1) < 0.1
