import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# At the end of training the discriminator cannot tell: D(x) = 1/2, its logit is 0.
logits = torch.zeros(128, 1, device=device)
bce = torch.nn.functional.binary_cross_entropy_with_logits
loss_d = bce(logits, torch.ones_like(logits)) + bce(logits, torch.zeros_like(logits))
loss_g = bce(logits, torch.ones_like(logits))
print(f"loss_D = 2 log 2 = {loss_d.item():.3f}, loss_G = log 2 = {loss_g.item():.3f}")
assert abs(loss_d.item() - 2 * math.log(2)) < 1e-6
assert abs(loss_g.item() - math.log(2)) < 1e-6
