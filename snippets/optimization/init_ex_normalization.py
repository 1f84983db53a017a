import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and lose when cores are busy
depth, width = 30, 128


def measure(norm: str):
    """N(0, 0.01²) weights, 30 layers of Linear -> [norm] -> ReLU: activation std per layer, first-layer gradient."""
    torch.manual_seed(0)
    x = torch.randn(256, width, dtype=torch.float64, device=device)
    targets = torch.randint(0, 10, (256,), device=device)
    layers = []
    for _ in range(depth):
        linear = torch.nn.Linear(width, width)
        torch.nn.init.normal_(linear.weight, std=0.01)
        torch.nn.init.zeros_(linear.bias)
        extra = {"none": [], "LayerNorm": [torch.nn.LayerNorm(width)], "BatchNorm": [torch.nn.BatchNorm1d(width)]}
        layers += [linear, *extra[norm], torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(width, 10)).to(device, torch.float64)
    stds, h = [], x
    for module in model:
        h = module(h)
        if isinstance(module, torch.nn.ReLU):
            stds.append(h.std().item())
    torch.nn.functional.cross_entropy(h, targets).backward()
    return stds, model[0].weight.grad.norm().item()


shown = [1, 10, 20, 30]
print(f"{'N(0, 0.01²)':<11} activation std at layer" + "".join(f"{n:>9}" for n in shown) + "   first-layer gradient")
results = {norm: measure(norm) for norm in ["none", "LayerNorm", "BatchNorm"]}
for norm, (stds, gradient) in results.items():
    print(f"{norm:<34}" + "".join(f"{stds[n - 1]:>9.2e}" for n in shown) + f"{gradient:>23.2e}")
relu_of_normal = math.sqrt(0.5 - 1 / (2 * math.pi))  # std of ReLU(z) for z ~ N(0, 1)
print(f"std of ReLU(z) for z ~ N(0, 1): {relu_of_normal:.3f}")
assert results["none"][0][-1] < 1e-30
for norm in ["LayerNorm", "BatchNorm"]:
    assert all(abs(std / relu_of_normal - 1) < 0.1 for std in results[norm][0])
    assert results[norm][1] > 1e-3
