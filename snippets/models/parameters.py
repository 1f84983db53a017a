import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Sequential(
    nn.Linear(64, 32),  # weight (32, 64), bias (32,)
    nn.BatchNorm1d(32),  # weight (32,), bias (32,); running mean/var are buffers
    nn.ReLU(),
    nn.Linear(32, 10),  # weight (10, 32), bias (10,)
).to(device)

# A parameter is a tensor the optimizer may change: registered, requires_grad=True.
for name, parameter in model.named_parameters():
    print(f"{name:<9} {str(tuple(parameter.shape)):<9} {parameter.numel():>5,}")

num_parameters = sum(p.numel() for p in model.parameters())
print(f"total parameters: {num_parameters:,}")
assert num_parameters == (64 * 32 + 32) + (32 + 32) + (32 * 10 + 10)

# Buffers are saved with the model but not trained.
for name, buffer in model.named_buffers():
    print(f"buffer {name:<21} {tuple(buffer.shape)}")
assert len(model.state_dict()) == len(list(model.parameters())) + len(list(model.buffers()))

# Freezing: parameters with requires_grad=False stay in the count but not in the trainable count.
for parameter in model[0].parameters():
    parameter.requires_grad_(False)
num_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable after freezing the first layer: {num_trainable:,}")
assert num_trainable == num_parameters - (64 * 32 + 32)
