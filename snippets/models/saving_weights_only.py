import argparse
import pickle
import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
model = nn.Linear(64, 10).to(device)
folder = tempfile.TemporaryDirectory()
path = Path(folder.name) / "checkpoint.pt"


def reason(error):
    return str(error).split("WeightsUnpickler error: ")[-1].split(" was not")[0]


# 1. Why weights_only: unpickling may call any function the file names.
class Payload:
    def __reduce__(self):  # pickle stores "call print(...)" to rebuild this object
        return (print, ("    this line was printed by torch.load: the file ran code",))


torch.save({"model": model.state_dict(), "note": Payload()}, path)
try:
    torch.load(path)  # the default since PyTorch 2.6: weights_only=True
except pickle.UnpicklingError as error:
    print(f"torch.load(path): refused, {reason(error)}")
print("torch.load(path, weights_only=False):")
torch.load(path, weights_only=False)

# 2. An honest checkpoint with an extra Python object is refused the same way.
args = argparse.Namespace(lr=0.01, epochs=8)
torch.save({"model": model.state_dict(), "args": args, "epoch": 8}, path)
try:
    torch.load(path)
except pickle.UnpicklingError as error:
    print(f"checkpoint with a Namespace: refused, {reason(error)}")
print(
    "what it needs beyond tensors and plain types:", sorted(torch.serialization.get_unsafe_globals_in_checkpoint(path))
)

# Safe fix when reading: allow exactly the classes you expect, nothing else.
with torch.serialization.safe_globals([argparse.Namespace]):
    checkpoint = torch.load(path, map_location=device)
print("loaded with safe_globals([argparse.Namespace]):", checkpoint["args"])

# Better fix when writing: store plain types only; the default loads it.
torch.save({"model": model.state_dict(), "args": vars(args), "epoch": 8}, path)
checkpoint = torch.load(path, map_location=device)
print("checkpoint with vars(args): loaded,", checkpoint["args"])
folder.cleanup()
model.load_state_dict(checkpoint["model"])
