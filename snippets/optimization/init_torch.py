import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
fan_in, fan_out = 512, 256  # nn.Linear(512, 256).weight has shape (256, 512)
tolerance = 0.01  # relative; a std estimated from 131,072 draws is off by about 0.2%, so 1% is 5 standard errors


def filled(init_, **options):
    weights = torch.empty(fan_out, fan_in, dtype=torch.float64, device=device)
    return init_(weights, **options)


# name: (weights drawn by torch.nn.init, the standard deviation the derivation asks for)
expected = {
    "Xavier uniform": (filled(torch.nn.init.xavier_uniform_), math.sqrt(2 / (fan_in + fan_out))),
    "Xavier normal": (filled(torch.nn.init.xavier_normal_), math.sqrt(2 / (fan_in + fan_out))),
    "He uniform": (filled(torch.nn.init.kaiming_uniform_, nonlinearity="relu"), math.sqrt(2 / fan_in)),
    "He normal": (filled(torch.nn.init.kaiming_normal_, nonlinearity="relu"), math.sqrt(2 / fan_in)),
}
print(f"{fan_in} -> {fan_out}, {fan_in * fan_out:,} weights each")
print(f"{'init':<16}{'formula std':>12}{'sample std':>12}{'ratio':>8}")
for name, (weights, std) in expected.items():
    ratio = weights.std().item() / std
    print(f"{name:<16}{std:>12.5f}{weights.std().item():>12.5f}{ratio:>8.4f}")
    assert abs(ratio - 1) < tolerance, name
    assert abs(weights.mean().item()) < tolerance * std  # centred on 0
print(f"gains: ReLU {torch.nn.init.calculate_gain('relu'):.4f}, tanh {torch.nn.init.calculate_gain('tanh'):.4f}")
