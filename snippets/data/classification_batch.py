import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

batch_size, channels, height, width, num_classes = 4, 3, 32, 32, 10

# Built on the CPU with a fixed seed, then moved: the same numbers on any device.
images = torch.rand(batch_size, channels, height, width).to(device)  # N x C x H x W, float32 in [0, 1]
class_indices = torch.tensor([3, 0, 7, 3]).to(device)  # N, int64: one class index per image
one_hot = F.one_hot(class_indices, num_classes).float()  # N x K, float32: the same labels as rows

# A stand-in model: any network that maps N x C x H x W images to N x K logits.
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(channels * height * width, num_classes)).to(device)
logits = model(images)  # N x K

for name, tensor in [("images", images), ("class_indices", class_indices), ("one_hot", one_hot), ("logits", logits)]:
    print(f"{name:14s} {str(tuple(tensor.shape)):16s} {tensor.dtype}")

# Cross-entropy takes class indices (int64) or class probabilities (float, same shape as the logits).
loss_from_indices = F.cross_entropy(logits, class_indices)
loss_from_one_hot = F.cross_entropy(logits, one_hot)
print(f"cross-entropy from indices = {loss_from_indices.item():.4f}")
print(f"cross-entropy from one-hot = {loss_from_one_hot.item():.4f}")

assert images.shape == (batch_size, channels, height, width) and images.dtype == torch.float32
assert class_indices.shape == (batch_size,) and class_indices.dtype == torch.int64
assert one_hot.shape == logits.shape == (batch_size, num_classes)
assert torch.equal(one_hot.argmax(dim=1), class_indices)
assert torch.allclose(loss_from_indices, loss_from_one_hot)
