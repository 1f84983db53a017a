import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
batch = 4

# (a) House price: one real number per house, no activation on the output.
price_pred = torch.randn(batch, 1, device=device).squeeze(1)  # (4,) after squeezing the feature dimension
price_true = torch.randn(batch, device=device)  # (4,) float
price_loss = F.mse_loss(price_pred, price_true)

# (b) Spam or not: one logit per e-mail, targets 0./1. as floats.
spam_logit = torch.randn(batch, device=device)  # (4,)
spam_true = torch.tensor([0.0, 1.0, 1.0, 0.0], device=device)  # (4,) float
spam_loss = F.binary_cross_entropy_with_logits(spam_logit, spam_true)

# (c) Several tags per photo (multi-label): one logit per tag, a multi-hot float target.
tag_logits = torch.randn(batch, 5, device=device)  # (4, 5): 5 possible tags
tag_true = torch.tensor([[1, 0, 1, 0, 0], [0, 0, 0, 0, 1], [1, 1, 0, 0, 0], [0, 0, 0, 0, 0]], device=device).float()
tag_loss = F.binary_cross_entropy_with_logits(tag_logits, tag_true)

# (d) Semantic segmentation: C logits per pixel, one class index per pixel.
pixel_logits = torch.randn(batch, 3, 8, 8, device=device)  # (N, C, H, W)
pixel_true = torch.randint(0, 3, (batch, 8, 8), device=device)  # (N, H, W) int64
pixel_loss = F.cross_entropy(pixel_logits, pixel_true)  # the class dimension is dim 1

for name, loss in (("(a) mse", price_loss), ("(b) bce", spam_loss), ("(c) bce", tag_loss), ("(d) ce", pixel_loss)):
    print(f"{name}: shape {tuple(loss.shape)}  value {loss.item():.4f}")
    assert loss.dim() == 0 and loss.item() > 0
