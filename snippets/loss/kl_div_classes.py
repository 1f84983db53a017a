import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

target_probs = torch.softmax(torch.randn(5, 4, device=device, dtype=torch.float64), dim=1)  # p, e.g. a teacher
logits = torch.randn(5, 4, device=device, dtype=torch.float64, requires_grad=True)  # the student; q = softmax
log_q = F.log_softmax(logits, dim=1)

# F.kl_div(input, target) computes KL(target || exp(input)): the model's log-probabilities go first.
kl = F.kl_div(log_q, target_probs, reduction="batchmean")  # sum over classes, mean over samples
by_hand = (target_probs * (target_probs.log() - log_q)).sum(dim=1).mean()
entropy = -(target_probs * target_probs.log()).sum(dim=1).mean()
soft_cross_entropy = F.cross_entropy(logits, target_probs)
print(f"kl_div(log q, p, 'batchmean') : {kl.item():.6f}")
print(f"sum p (log p - log q), mean   : {by_hand.item():.6f}")
print(f"cross-entropy - entropy       : {(soft_cross_entropy - entropy).item():.6f}")
assert torch.isclose(kl, by_hand) and torch.isclose(kl, soft_cross_entropy - entropy)

# The entropy of p does not depend on the model, so both losses have the same gradient.
(grad_kl,) = torch.autograd.grad(kl, logits)
(grad_ce,) = torch.autograd.grad(soft_cross_entropy, logits)
print(f"same gradient as the cross-entropy: {torch.allclose(grad_kl, grad_ce)}")
assert torch.allclose(grad_kl, grad_ce)
