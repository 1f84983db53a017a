import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class DictDataset(Dataset):
    """Returns each sample as a dict of NumPy values, as many real data sets do."""

    def __init__(self, num_samples: int = 6):
        rng = np.random.default_rng(0)
        self.images = rng.random((num_samples, 1, 8, 8))  # float64: NumPy's default
        self.labels = rng.integers(0, 10, num_samples)  # int64

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int) -> dict:
        return {"image": self.images[index], "label": self.labels[index], "index": index}


# The default collate_fn stacks each key across samples and turns NumPy values into tensors.
batch = next(iter(DataLoader(DictDataset(), batch_size=4, num_workers=0)))
for key, value in batch.items():
    print(f"{key:5s}: {type(value).__name__} {tuple(value.shape)} {value.dtype}")

# The dtype survives the trip: float64 images meet float32 weights.
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 10)).to(device)
try:
    model(batch["image"].to(device))
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("float64 input to a float32 model should fail")

logits = model(batch["image"].float().to(device))  # the fix; better still, return float32 from __getitem__
print(f"after .float(): logits {tuple(logits.shape)} {logits.dtype}")

assert batch["image"].shape == (4, 1, 8, 8) and batch["image"].dtype == torch.float64
assert batch["label"].dtype == torch.int64 and batch["index"].tolist() == [0, 1, 2, 3]
assert logits.shape == (4, 10) and logits.dtype == torch.float32
