import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(4, 3).to(device)  # N x K
# Class ids as they often arrive: read from a CSV as floats, or as 32-bit integers from NumPy.
labels_as_float = torch.from_numpy(np.array([0.0, 2.0, 1.0, 2.0], dtype=np.float32)).to(device)
labels_as_int32 = torch.from_numpy(np.array([0, 2, 1, 2], dtype=np.int32)).to(device)

failures = 0
for labels in [labels_as_float, labels_as_int32]:
    try:
        F.cross_entropy(logits, labels)
    except RuntimeError as error:
        failures += 1
        print(f"labels {labels.dtype}: RuntimeError: {error}")

labels = labels_as_float.long()  # the fix: class indices are int64 ("long")
loss = F.cross_entropy(logits, labels)
print(f"labels {labels.dtype}: cross-entropy = {loss.item():.4f}")

assert failures == 2
assert torch.equal(labels, labels_as_int32.long())  # both fixes give the same indices
assert torch.allclose(loss, -logits.log_softmax(dim=1)[torch.arange(4), labels].mean())
