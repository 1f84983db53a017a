import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Two weights, both 1.0, whose loss gradients are 10 and 0.001 in size, with alternating signs: they wiggle but
# do not drift, so what shrinks them is the weight decay alone.
scales = torch.tensor([10.0, 0.001], dtype=torch.float64, device=device)
lr, weight_decay, steps = 0.01, 0.1, 100


def final_weights(optimizer_class, decay):
    w = torch.ones(2, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = optimizer_class([w], lr=lr, weight_decay=decay)
    for step in range(steps):
        optimizer.zero_grad()
        ((-1) ** step * scales * w).sum().backward()  # gradient +-scales
        optimizer.step()
    return w.detach().cpu()


print(f"how much weight decay {weight_decay} shrinks each weight in {steps} steps:")
shrink = {}
for optimizer_class in (torch.optim.Adam, torch.optim.AdamW):
    name = optimizer_class.__name__
    shrink[name] = final_weights(optimizer_class, 0.0) - final_weights(optimizer_class, weight_decay)
    print(f"  {name:>5}: large gradients {shrink[name][0].item():.4f}, small gradients {shrink[name][1].item():.4f}")

# Adam divides the L2 term by the running size of each weight's gradients: the large-gradient weight barely decays.
assert shrink["Adam"][1] > 50 * shrink["Adam"][0]
# AdamW shrinks both by the same factor (1 - lr * weight_decay) per step, whatever their gradients.
assert abs(shrink["AdamW"][0] - shrink["AdamW"][1]) < 1e-4
