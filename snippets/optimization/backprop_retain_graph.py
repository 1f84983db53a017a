import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# L = w^3 at w = 2, so dL/dw = 3w^2 = 12; the graph saves w for the backward pass.
w = torch.tensor(2.0, device=device, requires_grad=True)
loss = w**3
loss.backward()  # frees what the graph saved, as it goes
try:
    loss.backward()
except RuntimeError as error:
    print("second backward:", str(error).split(".")[0])

w.grad = None
loss = w**3
loss.backward(retain_graph=True)  # keep the saved values for another pass
print(f"with retain_graph=True: w.grad = {w.grad.item():.1f}", end="")
loss.backward()
print(f", then {w.grad.item():.1f} (added again)")
assert w.grad.item() == 24.0
