import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

channels, size, num_classes = 1024, 7, 1000  # GoogLeNet's last feature map: (1024, 7, 7)
# "meta" tensors have shapes but no data: enough to count, nothing to allocate.
flatten_head = nn.Linear(channels * size * size, num_classes, device="meta")
pooled_head = nn.Linear(channels, num_classes, device="meta")  # after global average pooling

flatten_count = sum(p.numel() for p in flatten_head.parameters())
pooled_count = sum(p.numel() for p in pooled_head.parameters())
print(f"flatten, 1024*7*7 -> 1000:          {flatten_count:>10,} parameters")
print(f"global average pooling, 1024 -> 1000: {pooled_count:>10,} parameters")
assert flatten_count == (1024 * 49 + 1) * 1000 and pooled_count == (1024 + 1) * 1000

# The pooled head also works for any input size: the pooling always leaves (N, 1024, 1, 1).
pool = nn.AdaptiveAvgPool2d((1, 1))
for height, width in [(7, 7), (10, 13)]:
    feature_map = torch.randn(2, channels, height, width, device=device)
    pooled = pool(feature_map).flatten(1)
    print(f"{tuple(feature_map.shape)} -> {tuple(pooled.shape)}")
    assert pooled.shape == (2, channels)
