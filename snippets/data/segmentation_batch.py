import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

batch_size, height, width = 2, 16, 16
class_names = ["background", "square", "disk"]  # K = 3 classes, one per pixel
ignore_index = 255  # pixels nobody labelled (here: a one-pixel border)

# Masks: a square (class 1) and a disk (class 2) on a background (class 0).
rows = torch.arange(height).view(-1, 1)  # H x 1
cols = torch.arange(width).view(1, -1)  # 1 x W
masks = torch.zeros(batch_size, height, width, dtype=torch.int64)  # N x H x W
for i, (top, left, cy, cx) in enumerate([(2, 2, 10, 10), (8, 3, 5, 10)]):
    masks[i, top : top + 5, left : left + 5] = 1
    masks[i][(rows - cy) ** 2 + (cols - cx) ** 2 <= 9] = 2
masks[:, [0, -1], :] = ignore_index
masks[:, :, [0, -1]] = ignore_index

# Images: one colour per class plus noise, channels first.
palette = torch.tensor([[0.1, 0.1, 0.1], [0.9, 0.6, 0.1], [0.2, 0.5, 0.9]])  # K x 3 (RGB)
images = palette[masks.clamp(max=2)].permute(0, 3, 1, 2)  # N x H x W x 3 -> N x 3 x H x W
images = (images + 0.05 * torch.randn_like(images)).to(device)
masks = masks.to(device)

# A stand-in model: a 1x1 convolution gives K logits at every pixel.
model = torch.nn.Conv2d(3, len(class_names), kernel_size=1).to(device)
logits = model(images)  # N x K x H x W

for name, tensor in [("images", images), ("masks", masks), ("logits", logits)]:
    print(f"{name:7s} {str(tuple(tensor.shape)):15s} {tensor.dtype}")
labelled = masks != ignore_index
for k, name in enumerate(class_names):
    print(f"{name:10s} pixels: {(masks == k).sum().item():3d}")
print(f"{'unlabelled':10s} pixels: {(~labelled).sum().item():3d}")

# Cross-entropy averages over labelled pixels: the class axis is dim 1, as for N x K logits.
loss = F.cross_entropy(logits, masks, ignore_index=ignore_index)
print(f"per-pixel cross-entropy = {loss.item():.4f}")

# A binary mask (object or not) is float, shaped like one logit channel: N x 1 x H x W.
foreground = (masks[:, None] == 1).float()
binary_loss = F.binary_cross_entropy_with_logits(logits[:, 1:2], foreground)
print(f"binary mask {tuple(foreground.shape)} {foreground.dtype}, BCE = {binary_loss.item():.4f}")

assert images.shape == (batch_size, 3, height, width) and images.dtype == torch.float32
assert masks.shape == (batch_size, height, width) and masks.dtype == torch.int64
assert logits.shape == (batch_size, len(class_names), height, width)
per_pixel = -logits.log_softmax(dim=1).gather(1, masks.clamp(max=2)[:, None]).squeeze(1)  # N x H x W
assert torch.allclose(loss, per_pixel[labelled].mean())
