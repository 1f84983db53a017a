import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(6, 4, device=device, dtype=torch.float64)  # the model's output for 6 mixed inputs
labels_a = torch.randint(0, 4, (6,), device=device)  # the classes of the first inputs
labels_b = torch.randint(0, 4, (6,), device=device)  # the classes of the inputs mixed in
mix = 0.7  # each input is 0.7 of one image and 0.3 of another (mixup)

mixed_target = mix * F.one_hot(labels_a, 4).double() + (1 - mix) * F.one_hot(labels_b, 4).double()
loss_soft = F.cross_entropy(logits, mixed_target)
loss_split = mix * F.cross_entropy(logits, labels_a) + (1 - mix) * F.cross_entropy(logits, labels_b)
print(f"cross-entropy with the mixed target      : {loss_soft.item():.6f}")
print(f"0.7 * CE(label a) + 0.3 * CE(label b)    : {loss_split.item():.6f}")
# -sum_c t_c log p_c is linear in the target t, so mixing targets mixes losses.
assert torch.isclose(loss_soft, loss_split)
