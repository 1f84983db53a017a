import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and lose when cores are busy
depth, width = 30, 128

# nn.Linear's own initialisation: kaiming_uniform_(a=sqrt(5)), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
default_layer = torch.nn.Linear(width, width, device=device)
print(f"nn.Linear({width}, {width}) weight std {default_layer.weight.std().item():.4f}")
print(f"  1/sqrt(3 fan_in) = {1 / math.sqrt(3 * width):.4f}, He sqrt(2 / fan_in) = {math.sqrt(2 / width):.4f}")


def input_dependence(he: bool) -> float:
    """After `depth` Linear + ReLU layers: how much the activations still vary from one input to another."""
    torch.manual_seed(0)
    h = torch.randn(256, width, device=device)
    for _ in range(depth):
        layer = torch.nn.Linear(width, width, device=device)
        if he:
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            torch.nn.init.zeros_(layer.bias)
        h = torch.relu(layer(h))
    return h.std(dim=0).mean().item()  # std over the 256 inputs, averaged over the units


default, he = input_dependence(he=False), input_dependence(he=True)
print(f"after {depth} ReLU layers, std across inputs: default {default:.1e}, He {he:.2f}")
assert abs(default_layer.weight.std().item() * math.sqrt(3 * width) - 1) < 0.05
assert default < 1e-6 and he > 0.05  # the default stack forgets which input it was given
