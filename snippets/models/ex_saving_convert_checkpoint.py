import argparse
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(64, 10)
folder = tempfile.TemporaryDirectory()
old_path, new_path = Path(folder.name) / "old.pt", Path(folder.name) / "new.pt"

# A checkpoint written the careless way: Python objects next to the tensors.
torch.save(
    {
        "model": model.state_dict(),
        "args": argparse.Namespace(lr=0.01, epochs=8),
        "pixel_mean": np.full(64, 0.3),
        "best_accuracy": np.float64(0.96),
    },
    old_path,
)
print("old file needs:", sorted(torch.serialization.get_unsafe_globals_in_checkpoint(old_path)))

# We wrote it ourselves, so we may open it once with the unsafe loader, and rewrite it in plain types.
old = torch.load(old_path, weights_only=False)
new = {
    "model": old["model"],
    "args": vars(old["args"]),  # Namespace -> dict
    "pixel_mean": torch.from_numpy(old["pixel_mean"]),  # ndarray -> tensor
    "best_accuracy": float(old["best_accuracy"]),  # NumPy scalar -> float
}
torch.save(new, new_path)
print("new file needs:", sorted(torch.serialization.get_unsafe_globals_in_checkpoint(new_path)))

checkpoint = torch.load(new_path)  # the default, weights_only=True
folder.cleanup()
print({name: type(value).__name__ for name, value in checkpoint.items()})
assert torch.equal(checkpoint["pixel_mean"], torch.full((64,), 0.3, dtype=torch.float64))
assert checkpoint["args"] == {"lr": 0.01, "epochs": 8} and checkpoint["best_accuracy"] == 0.96
