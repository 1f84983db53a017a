import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

w = torch.tensor([1.0, -2.0], device=device, requires_grad=True)
inputs = torch.tensor([0.5, 0.25], device=device)
prediction = (w * inputs).sum()
print(f"recorded:     requires_grad={prediction.requires_grad}, grad_fn={type(prediction.grad_fn).__name__}")
with torch.no_grad():  # evaluation: no graph, no saved values
    prediction = (w * inputs).sum()
print(f"in no_grad(): requires_grad={prediction.requires_grad}, grad_fn={prediction.grad_fn}")

# A hand-written update must not be recorded either.
loss = ((w * inputs).sum() - 1) ** 2
loss.backward()
try:
    w -= 0.1 * w.grad
except RuntimeError as error:
    print("update outside no_grad():", str(error).split(".")[0])
with torch.no_grad():
    w -= 0.1 * w.grad
print(f"update inside no_grad():  w = ({w[0].item():.3f}, {w[1].item():.3f}), still a leaf: {w.is_leaf}")
assert w.is_leaf and w.requires_grad
