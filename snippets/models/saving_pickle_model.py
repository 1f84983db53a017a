import importlib
import sys
import tempfile
import textwrap
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# A project with its model class in digit_models.py, as it was on the day of saving.
folder = tempfile.TemporaryDirectory()
project = Path(folder.name)
(project / "digit_models.py").write_text(
    textwrap.dedent("""
    from torch import nn

    class TinyNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(64, 32)
            self.output = nn.Linear(32, 10)

        def forward(self, x):
            return self.output(self.hidden(x).relu())
    """)
)
sys.path.insert(0, str(project))
model = importlib.import_module("digit_models").TinyNet().to(device)
torch.save(model, project / "whole_model.pt")  # pickles the object: the class by name, plus its tensors
torch.save(model.state_dict(), project / "state_dict.pt")  # only names and tensors
print(
    "before the rename, weights_only=False gives back a",
    type(torch.load(project / "whole_model.pt", weights_only=False)).__name__,
)
print("whole_model.pt needs:", sorted(torch.serialization.get_unsafe_globals_in_checkpoint(project / "whole_model.pt")))

# Months later the module has been renamed (say, to models/digits.py): the old name no longer imports.
(project / "digit_models.py").unlink()
sys.path.remove(str(project))
del sys.modules["digit_models"]

for weights_only in (True, False):
    try:
        torch.load(project / "whole_model.pt", weights_only=weights_only)
    except Exception as error:
        reason = str(error).split("WeightsUnpickler error: ")[-1].split(" was not")[0]
        print(f"whole model, weights_only={weights_only}: {type(error).__name__}: {reason}")


# The state_dict loads into the class wherever it lives now, as long as the layer names match.
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.output = nn.Linear(32, 10)

    def forward(self, x):
        return self.output(self.hidden(x).relu())


restored = TinyNet().to(device)
restored.load_state_dict(torch.load(project / "state_dict.pt", map_location=device))
folder.cleanup()
x = torch.rand(5, 64, device=device)
with torch.no_grad():
    assert torch.equal(model(x), restored(x))
print("state_dict into the moved class: same outputs")
