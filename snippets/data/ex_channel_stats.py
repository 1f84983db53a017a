import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# 100 training images, N x C x H x W, whose three channels have different brightness and contrast.
true_mean, true_std = torch.tensor([0.5, 0.4, 0.3]), torch.tensor([0.25, 0.2, 0.1])
images = (torch.randn(100, 3, 16, 16) * true_std.view(1, 3, 1, 1) + true_mean.view(1, 3, 1, 1)).to(device)

# One mean and one std per channel: reduce over every axis except the channel axis (N, H, W = 0, 2, 3).
channel_mean = images.mean(dim=(0, 2, 3))  # C
channel_std = images.std(dim=(0, 2, 3))  # C
normalized = (images - channel_mean.view(1, 3, 1, 1)) / channel_std.view(1, 3, 1, 1)  # view(1, C, 1, 1) broadcasts
print(
    f"per-channel mean {[round(v, 3) for v in channel_mean.tolist()]}, std {[round(v, 3) for v in channel_std.tolist()]}"
)
print(
    f"after normalizing: largest |channel mean| {normalized.mean(dim=(0, 2, 3)).abs().max().item():.4f}, "
    f"std {[round(v, 3) for v in normalized.std(dim=(0, 2, 3)).tolist()]}"
)

# The usual slip: reducing over the channel axis gives one number per pixel, not per channel.
wrong = images.mean(dim=1)  # N x H x W
print(f"mean(dim=1) has shape {tuple(wrong.shape)}: a value per pixel, mixing the three channels")

assert channel_mean.shape == channel_std.shape == (3,)
assert torch.allclose(channel_mean.cpu(), true_mean, atol=0.01) and torch.allclose(
    channel_std.cpu(), true_std, atol=0.01
)
assert torch.allclose(normalized.mean(dim=(0, 2, 3)), torch.zeros(3, device=device), atol=1e-5)
