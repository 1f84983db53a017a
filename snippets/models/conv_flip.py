import numpy as np
import torch
import torch.nn.functional as F
from scipy.signal import convolve2d, correlate2d

rng = np.random.default_rng(0)
image = rng.normal(size=(6, 6))
kernel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])  # left minus right (Sobel)

torch_out = F.conv2d(torch.from_numpy(image)[None, None], torch.from_numpy(kernel)[None, None])[0, 0].numpy()
for name, out in [
    ("scipy convolve2d", convolve2d(image, kernel, mode="valid")),
    ("scipy correlate2d", correlate2d(image, kernel, mode="valid")),
    ("convolve2d, kernel flipped", convolve2d(image, kernel[::-1, ::-1], mode="valid")),
]:
    print(f"{name:27s} same as F.conv2d: {np.allclose(out, torch_out)}")

assert np.allclose(correlate2d(image, kernel, mode="valid"), torch_out)
assert np.allclose(convolve2d(image, kernel, mode="valid"), -torch_out)  # this kernel flipped is its negative
