import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and lose when cores are busy

# 1. E[leaky_relu(z)^2] / E[z^2] for a symmetric z is (1 + a^2) / 2: half the mass keeps z^2, half keeps a^2 z^2.
z = torch.randn(1_000_000, dtype=torch.float64, device=device)
print(f"{'a':>5}{'E[f(z)²]/E[z²]':>16}{'(1 + a²)/2':>12}{'calculate_gain':>16}{'√(2/(1 + a²))':>15}")
for a in [0.01, 0.1, 0.2, 0.5]:
    measured = (torch.nn.functional.leaky_relu(z, a) ** 2).mean().item() / (z**2).mean().item()
    gain = torch.nn.init.calculate_gain("leaky_relu", a)
    print(f"{a:>5}{measured:>16.4f}{(1 + a**2) / 2:>12.4f}{gain:>16.4f}{math.sqrt(2 / (1 + a**2)):>15.4f}")
    assert abs(measured - (1 + a**2) / 2) < 0.005 and abs(gain - math.sqrt(2 / (1 + a**2))) < 1e-12


# 2. Through 30 Leaky ReLU layers with a = 0.5: the right gain keeps the second moment, ReLU's gain does not.
def second_moment_ratio(nonlinearity: str, a: float = 0.5, depth: int = 30, width: int = 128) -> float:
    torch.manual_seed(0)
    x = torch.randn(256, width, dtype=torch.float64, device=device)
    h = x
    for _ in range(depth):
        weight = torch.empty(width, width, dtype=torch.float64, device=device)
        torch.nn.init.kaiming_normal_(weight, a=a, nonlinearity=nonlinearity)
        h = torch.nn.functional.leaky_relu(h @ weight.T, a)
    return (h**2).mean().item() / (x**2).mean().item()


right, wrong = second_moment_ratio("leaky_relu"), second_moment_ratio("relu")
print(f"E[h²] after 30 layers / at the input: leaky_relu gain {right:.2f}, relu gain {wrong:.0f}")
print(f"ratio of the two {wrong / right:.1f}, and 1.25 ** 30 = {1.25**30:.1f}")
assert 1 / 3 < right < 3
# Same random draws, every weight scaled by sqrt(1.25), and leaky_relu(c z) = c leaky_relu(z) for c > 0:
# E[h^2] grows by exactly 1.25 per layer.
assert abs(wrong / right / 1.25**30 - 1) < 1e-9
