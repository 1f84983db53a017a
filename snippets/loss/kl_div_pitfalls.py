import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

p = torch.softmax(torch.randn(5, 4, device=device, dtype=torch.float64), dim=1)  # target distribution
q = torch.softmax(torch.randn(5, 4, device=device, dtype=torch.float64), dim=1)  # the model's distribution

right = F.kl_div(q.log(), p, reduction="batchmean")  # KL(p || q)
forgot_the_log = F.kl_div(q, p, reduction="batchmean")  # probabilities where log-probabilities belong
swapped = F.kl_div(p.log(), q, reduction="batchmean")  # KL(q || p): another quantity
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # PyTorch warns about exactly this
    elementwise_mean = F.kl_div(q.log(), p, reduction="mean")  # divides by N * C, not by N

print(f"right, KL(p || q)            : {right.item():.6f}")
print(f"probabilities instead of log : {forgot_the_log.item():.6f}")
print(f"arguments swapped, KL(q || p): {swapped.item():.6f}")
print(f"reduction='mean'             : {elementwise_mean.item():.6f}   (= right / 4 classes)")
assert right > 0 and forgot_the_log < 0  # a KL divergence is never negative: the tell-tale sign
assert not torch.isclose(right, swapped)
assert torch.isclose(elementwise_mean, right / 4)
