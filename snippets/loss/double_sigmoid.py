import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
logits = torch.linspace(-20, 20, 401, device=device)  # every logit a model could output
target_zero = torch.zeros_like(logits)
target_one = torch.ones_like(logits)

# The mistake: a sigmoid in the model, then a loss that applies the sigmoid again.
squashed = torch.sigmoid(logits)  # in (0, 1), read again as a logit
best_for_zero = F.binary_cross_entropy_with_logits(squashed, target_zero, reduction="none").min().item()
best_for_one = F.binary_cross_entropy_with_logits(squashed, target_one, reduction="none").min().item()
print(f"lowest loss for y = 0: {best_for_zero:.4f}   (log 2 = {torch.log(torch.tensor(2.0)).item():.4f})")
print(f"lowest loss for y = 1: {best_for_one:.4f}")
twice_squashed = torch.sigmoid(squashed)  # the probability the loss actually uses
print(f"probabilities it can express: {twice_squashed.min().item():.4f} .. {twice_squashed.max().item():.4f}")
# sigmoid(sigmoid(z)) > 0.5 for every z: the model can never say "negative" with more than even odds.
assert twice_squashed.min() >= 0.5
assert best_for_zero > 0.69
