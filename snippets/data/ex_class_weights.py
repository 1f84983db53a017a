import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Masks where a small object (class 2) covers few pixels: 2 x 16 x 16, mostly background (class 0).
masks = torch.zeros(2, 16, 16, dtype=torch.int64)
masks[:, 2:12, 2:12] = 1  # a large object
masks[:, 13:15, 13:15] = 2  # a small one
masks = masks.to(device)
logits = torch.randn(2, 3, 16, 16).to(device)  # N x K x H x W

# Inverse-frequency weights, counted on the training masks: rare classes weigh more.
pixel_counts = torch.bincount(masks.flatten(), minlength=3).float()  # K
class_weights = pixel_counts.sum() / (len(pixel_counts) * pixel_counts)  # K, average weight per pixel = 1
print(f"pixels per class {pixel_counts.int().tolist()}, weights {[round(w, 2) for w in class_weights.tolist()]}")

plain = F.cross_entropy(logits, masks)
weighted = F.cross_entropy(logits, masks, weight=class_weights)
print(f"cross-entropy: plain {plain.item():.4f}, class-weighted {weighted.item():.4f}")

# What the weighted loss is: a weighted mean over pixels, each pixel weighted by its class.
per_pixel = F.cross_entropy(logits, masks, reduction="none")  # N x H x W
pixel_weights = class_weights[masks]  # N x H x W
assert torch.allclose(weighted, (per_pixel * pixel_weights).sum() / pixel_weights.sum())
assert class_weights[2] > class_weights[1] > class_weights[0]
