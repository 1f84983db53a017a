import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Ten samples; the first feature is the sample's number, so we can see which rows a batch holds.
features = np.arange(10)[:, None] + np.array([0.0, 0.1, 0.2])  # N x D = 10 x 3
labels = np.arange(10) % 2  # N


class ArrayDataset(Dataset):
    """A map-style dataset: it knows its length and returns sample i when asked."""

    def __init__(self, features: np.ndarray, labels: np.ndarray):
        self.features = torch.as_tensor(features, dtype=torch.float32)  # models expect float32
        self.labels = torch.as_tensor(labels, dtype=torch.int64)  # cross-entropy expects int64

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int):
        return self.features[index], self.labels[index]


dataset = ArrayDataset(features, labels)
generator = torch.Generator().manual_seed(0)  # the shuffling order comes from here, nowhere else
loader = DataLoader(dataset, batch_size=4, shuffle=True, drop_last=False, num_workers=0, generator=generator)

for epoch in range(2):
    seen = []
    for batch_features, batch_labels in loader:  # a fresh order each epoch
        batch_features, batch_labels = batch_features.to(device), batch_labels.to(device)
        samples = batch_features[:, 0].int().tolist()
        print(
            f"epoch {epoch}: features {tuple(batch_features.shape)}, samples {samples}, labels {batch_labels.tolist()}"
        )
        seen += samples
    assert sorted(seen) == list(range(10))  # every sample once per epoch

sizes = [len(b) for b, _ in DataLoader(dataset, batch_size=4, shuffle=True, drop_last=True, generator=generator)]
print(f"drop_last=True: batch sizes {sizes}")
assert sizes == [4, 4] and dataset[3][0].dtype == torch.float32 and dataset[3][1].dtype == torch.int64
