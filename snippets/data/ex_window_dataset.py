import torch
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


class WindowDataset(Dataset):
    """Sliding windows over one long series, cut on request: no copy of the series per window."""

    def __init__(self, series: torch.Tensor, window: int, horizon: int = 1):
        self.series, self.window, self.horizon = series, window, horizon  # series: S x F

    def __len__(self) -> int:
        return len(self.series) - self.window - self.horizon + 1

    def __getitem__(self, index: int):
        inputs = self.series[index : index + self.window]  # T x F, a view into the series
        target = self.series[index + self.window : index + self.window + self.horizon]  # horizon x F
        return inputs, target


series = torch.randn(100, 2)  # S x F
dataset = WindowDataset(series, window=24)
loader = DataLoader(dataset, batch_size=16, shuffle=True, num_workers=0, generator=torch.Generator().manual_seed(0))
inputs, targets = next(iter(loader))
inputs, targets = inputs.to(device), targets.to(device)
print(f"{len(dataset)} windows; a batch: inputs {tuple(inputs.shape)}, targets {tuple(targets.shape)}")

# The same windows as unfold() in time_series_batch.py, only made one at a time.
chunks = series.unfold(0, 24 + 1, 1).permute(0, 2, 1)  # N x (T + 1) x F
assert len(dataset) == len(chunks) == 76
assert all(torch.equal(dataset[i][0], chunks[i, :24]) and torch.equal(dataset[i][1], chunks[i, 24:]) for i in range(76))
assert dataset[5][0].data_ptr() == series[5].data_ptr()  # a view: shares memory with the series
