import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Regression: the same targets y and two sets of predictions y_hat.
y = torch.tensor([3.0, -0.5, 2.0, 7.0], device=device)
y_hat_close = torch.tensor([2.9, -0.4, 2.1, 6.8], device=device)
y_hat_far = torch.tensor([1.0, 1.0, 0.0, 3.0], device=device)

# Classification: 3 samples, 3 classes. The model outputs one score (logit) per class.
labels = torch.tensor([0, 2, 1], device=device)  # the correct class of each sample
logits_right = torch.tensor([[4.0, 0.0, 0.0], [0.0, 0.0, 4.0], [0.0, 4.0, 0.0]], device=device)
logits_wrong = torch.tensor([[0.0, 4.0, 0.0], [4.0, 0.0, 0.0], [0.0, 0.0, 4.0]], device=device)

mse_close, mse_far = F.mse_loss(y_hat_close, y), F.mse_loss(y_hat_far, y)
ce_right, ce_wrong = F.cross_entropy(logits_right, labels), F.cross_entropy(logits_wrong, labels)
print(f"MSE           close {mse_close.item():7.4f}   far   {mse_far.item():7.4f}")
print(f"cross-entropy right {ce_right.item():7.4f}   wrong {ce_wrong.item():7.4f}")
print("one real number per batch:", tuple(mse_close.shape), mse_close.dtype)
assert mse_close < mse_far and ce_right < ce_wrong  # a higher loss means a worse model
assert mse_close.dim() == 0 and ce_right.dim() == 0
