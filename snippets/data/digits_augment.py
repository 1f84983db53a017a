import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
generator = torch.Generator().manual_seed(0)  # augmentation is random: seed it like shuffling


def horizontal_flip(images: torch.Tensor) -> torch.Tensor:
    """Mirror left-right: reverse the width axis of N x C x H x W."""
    return images.flip(dims=[3])


def random_crop(images: torch.Tensor, padding: int, generator: torch.Generator) -> torch.Tensor:
    """Pad with background, then cut an H x W window at a random offset: a shift of up to ±padding pixels."""
    n, _, height, width = images.shape
    padded = F.pad(images, [padding] * 4)  # zeros on all four sides: N x C x (H + 2p) x (W + 2p)
    offsets = torch.randint(0, 2 * padding + 1, (n, 2), generator=generator).tolist()
    return torch.stack([image[:, y : y + height, x : x + width] for image, (y, x) in zip(padded, offsets)])


def add_noise(images: torch.Tensor, std: float, generator: torch.Generator) -> torch.Tensor:
    """Gaussian noise on every pixel, kept inside the valid range [0, 1]."""
    return (images + std * torch.randn(images.shape, generator=generator)).clamp(0.0, 1.0)


def augment(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """What we train on: a small shift and a little noise, a new draw every time. No flip for digits."""
    return add_noise(random_crop(images, padding=1, generator=generator), std=0.05, generator=generator)


digits = load_digits()
images = torch.from_numpy(digits.images[:8]).float().unsqueeze(1) / 16.0  # N x 1 x 8 x 8 in [0, 1]
labels = torch.from_numpy(digits.target[:8])

flipped = horizontal_flip(images)
cropped = random_crop(images, padding=1, generator=generator)
noisy = add_noise(images, std=0.1, generator=generator)
augmented = augment(images, generator).to(device)  # in a training loop: augment each batch, then move it
for name, batch in [("flipped", flipped), ("cropped", cropped), ("noisy", noisy), ("augmented", augmented)]:
    change = (batch.cpu() - images).abs().mean().item()
    print(f"{name:9s} {tuple(batch.shape)} {batch.dtype}, mean change per pixel {change:.3f}")
print(f"labels stay the same: {labels.tolist()}")

assert all(b.shape == images.shape and b.dtype == torch.float32 for b in [flipped, cropped, noisy, augmented])
assert torch.equal(horizontal_flip(flipped), images)  # flipping twice gives the image back
assert torch.equal(random_crop(images, padding=0, generator=generator), images)  # no padding, no shift
assert noisy.min() >= 0.0 and noisy.max() <= 1.0
# A shifted digit keeps its ink unless the shift pushes ink over the edge.
assert (cropped.sum(dim=(1, 2, 3)) <= images.sum(dim=(1, 2, 3)) + 1e-5).all()
