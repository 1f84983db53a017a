import numpy as np
import torch
from sklearn.datasets import load_digits

device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()  # ships with scikit-learn: nothing is downloaded
images, labels = digits.images, digits.target  # N x 8 x 8 float64 (ink 0..16), N int64

print(f"images {images.shape} {images.dtype}, pixel values {images.min():.0f}..{images.max():.0f}")
print(f"labels {labels.shape} {labels.dtype}, classes {np.unique(labels).tolist()}")
print(f"images per class: {np.bincount(labels).tolist()}")
print(f"digits.data {digits.data.shape}: the same pixels, one row of 64 per image")

# What a CNN takes: N x C x H x W float32, here scaled to [0, 1]; labels as int64 class indices.
image_tensor = (torch.from_numpy(images).float().unsqueeze(1) / 16.0).to(device)  # N x 1 x 8 x 8
label_tensor = torch.from_numpy(labels).long().to(device)  # N
print(
    f"image_tensor {tuple(image_tensor.shape)} {image_tensor.dtype}, label_tensor {tuple(label_tensor.shape)} "
    f"{label_tensor.dtype}"
)
print("first image (ink 0..16):")
print(images[0].astype(int))

assert images.shape == (1797, 8, 8) and labels.shape == (1797,)
assert np.array_equal(digits.data, images.reshape(len(images), 64))  # rows are flattened images
assert image_tensor.shape == (1797, 1, 8, 8) and image_tensor.dtype == torch.float32
assert 0.0 <= image_tensor.min() and image_tensor.max() <= 1.0 and label_tensor.dtype == torch.int64
