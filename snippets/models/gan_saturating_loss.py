import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The discriminator's logit for a fake point: very negative = "surely fake" (early training).
logits = torch.tensor([-8.0, -4.0, 0.0, 4.0], device=device, requires_grad=True)
d_of_fake = torch.sigmoid(logits)  # D(G(z))

# Original minimax generator loss: minimize log(1 - D(G(z))).
saturating = torch.log1p(-d_of_fake).sum()
(grad_saturating,) = torch.autograd.grad(saturating, logits)
# Non-saturating loss used in practice: minimize -log D(G(z)).
non_saturating = -torch.nn.functional.logsigmoid(logits).sum()
(grad_non_saturating,) = torch.autograd.grad(non_saturating, logits)

print(f"{'D(G(z))':>8} {'d/dlogit log(1-D)':>18} {'d/dlogit -log D':>16}")
for d, g_sat, g_non in zip(d_of_fake.tolist(), grad_saturating.tolist(), grad_non_saturating.tolist()):
    print(f"{d:8.4f} {g_sat:18.4f} {g_non:16.4f}")

# Where the generator is worst (D(G(z)) near 0), the original loss gives almost no gradient.
assert abs(grad_saturating[0]) < 1e-3 < 0.99 < abs(grad_non_saturating[0])
