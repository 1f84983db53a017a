import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

sizes = [784, 256, 128, 10]
# Each Linear(n_in, n_out) holds an (n_out, n_in) weight matrix and n_out biases.
by_hand = sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))

model = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Linear(256, 128),
    nn.ReLU(),
    nn.Linear(128, 10),
).to(device)
counted = sum(p.numel() for p in model.parameters())
print(f"by hand: {by_hand:,}, counted: {counted:,}")
assert by_hand == counted == 235_146
