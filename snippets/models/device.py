import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Linear(3, 2)
print(f"before: parameters on {next(model.parameters()).device.type}")

# Module.to() moves the parameters and buffers in place and returns the module itself.
same_model = model.to(device)
assert same_model is model
print(f"after:  parameters on {next(model.parameters()).device.type}")

# Tensor.to() returns a copy on the device; the original stays where it was.
x = torch.randn(4, 3)  # created on the CPU
x = x.to(device)  # so it must be reassigned
y = model(x)
print(f"output {tuple(y.shape)} on {y.device.type}")
assert y.device == next(model.parameters()).device

# The usual place to choose a device: when creating the tensor.
z = torch.zeros(4, 3, device=device)
assert z.device.type == torch.device(device).type
