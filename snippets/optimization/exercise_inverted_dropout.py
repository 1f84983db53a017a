import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def dropout(x, p, training):
    """Inverted dropout: zero each value with probability p, scale the survivors by 1 / (1 - p)."""
    if not training or p == 0:
        return x  # at test time: the identity, no rescaling needed
    keep = (torch.rand_like(x) >= p).to(x.dtype)  # 1 with probability 1 - p
    return x * keep / (1 - p)


x = torch.randn(1000, 100, device=device)  # (1000, 100)
p = 0.3

# 1. The scaling keeps the expected value: the average over many masks is x itself.
average = torch.stack([dropout(x, p, training=True) for _ in range(400)]).mean(0)
gap, size = (average - x).abs().mean().item(), x.abs().mean().item()
print(f"mean |average over 400 masks - x| = {gap:.3f}, against mean |x| = {size:.3f}")

# 2. Same rule as torch: given torch's mask (where its output is non-zero), our formula reproduces its output.
torch_output = torch.nn.functional.dropout(x, p, training=True)
torch_mask = (torch_output != 0).to(x.dtype)
assert torch.allclose(torch_output, x * torch_mask / (1 - p))
kept = torch_mask.mean().item()
print(f"fraction kept by torch: {kept:.3f} (expected {1 - p})")

# 3. At evaluation time both are the identity.
assert torch.equal(dropout(x, p, training=False), x)
assert torch.equal(torch.nn.functional.dropout(x, p, training=False), x)
assert abs(kept - (1 - p)) < 0.01 and gap < 0.05 * size
