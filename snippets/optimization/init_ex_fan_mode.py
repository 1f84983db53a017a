import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # tensors this small gain nothing from more CPU threads, and lose when cores are busy
widths = [32, 64, 128, 256, 512, 1024]  # every layer doubles the width: fan_out = 2 fan_in


def second_moments(mode: str):
    """E[h²] of each layer's output going forward, E[(dL/dh)²] of each layer's input going backward."""
    torch.manual_seed(0)
    x = torch.randn(512, widths[0], dtype=torch.float64, device=device, requires_grad=True)
    h, inputs = x, []
    for n_in, n_out in zip(widths, widths[1:]):
        weight = torch.empty(n_out, n_in, dtype=torch.float64, device=device)
        torch.nn.init.kaiming_normal_(weight, mode=mode, nonlinearity="relu")
        inputs.append(h)
        h.retain_grad()
        h = torch.relu(h @ weight.T)
    upstream = torch.randn_like(h)  # a gradient of unit variance arriving at the output
    (h * upstream).sum().backward()
    forward = [(layer_input**2).mean().item() for layer_input in inputs[1:]] + [(h**2).mean().item()]
    backward = [(layer_input.grad**2).mean().item() for layer_input in inputs]
    return forward, backward


print(f"{'':<9}{'':<10}" + "".join(f"{f'layer {n}':>10}" for n in range(1, len(widths))))
moments = {}
for mode in ["fan_in", "fan_out"]:
    forward, backward = moments[mode] = second_moments(mode)
    print(f"{mode:<9}{'forward':<10}" + "".join(f"{value:>10.3f}" for value in forward))
    print(f"{mode:<9}{'backward':<10}" + "".join(f"{value:>10.3f}" for value in backward))
fan_in_forward, fan_in_backward = moments["fan_in"]
fan_out_forward, fan_out_backward = moments["fan_out"]
assert max(fan_in_forward) / min(fan_in_forward) < 1.5 and fan_in_backward[0] / fan_in_backward[-1] > 10
assert max(fan_out_backward) / min(fan_out_backward) < 1.5 and fan_out_forward[0] / fan_out_forward[-1] > 10
