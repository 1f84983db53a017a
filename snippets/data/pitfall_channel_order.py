import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Two pure red 4 x 4 pictures, laid out as image libraries and NumPy store them: N x H x W x C.
images_nhwc = torch.zeros(2, 4, 4, 3)
images_nhwc[..., 0] = 1.0  # red channel full, green and blue empty
conv = torch.nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3).to(device)

try:
    conv(images_nhwc.to(device))
except RuntimeError as error:
    print(f"NHWC into Conv2d: RuntimeError: {error}")
else:
    raise AssertionError("a channels-last batch should not pass a channels-first layer")

# The fix: move the channel axis with permute, which reorders axes and keeps every pixel's values.
images_nchw = images_nhwc.permute(0, 3, 1, 2)  # N x C x H x W
# reshape gives the same shape, but it reads the numbers in storage order and mixes the channels.
scrambled = images_nhwc.reshape(2, 3, 4, 4)
for name, batch in [("permute", images_nchw), ("reshape", scrambled)]:
    mean_per_channel = batch.mean(dim=(0, 2, 3))  # C
    print(
        f"{name}: shape {tuple(batch.shape)}, mean of (red, green, blue) = {[round(v, 3) for v in mean_per_channel.tolist()]}"
    )
features = conv(images_nchw.to(device))
print(f"after permute: Conv2d output {tuple(features.shape)}")

assert images_nchw.shape == scrambled.shape == (2, 3, 4, 4)
assert torch.equal(images_nchw[0, :, 1, 2], images_nhwc[0, 1, 2, :])  # same pixel, same colour
assert not torch.equal(scrambled, images_nchw)  # same shape, wrong picture: no error to warn you
assert features.shape == (2, 8, 2, 2)
