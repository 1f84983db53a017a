"""What docs/*/models/saving.md claims, beyond the asserts of its snippets.

- A state_dict round trip gives bit-identical predictions, buffers included; saving the parameters alone does not.
- A checkpoint of model, optimizer, scheduler and shuffling state resumes to the very same losses, whatever the epoch
  it stops at and whichever optimizer and schedule; leaving out any one part changes the run.
- Such a checkpoint needs nothing beyond what torch.load's default (weights_only=True) allows; that default refuses a
  file that calls a function, without calling it, and a whole pickled model breaks once its module is renamed.
- Transfer learning leaves the frozen layers untouched, training the head on features computed once gives the same
  head bit for bit (exercise 3), and transfer beats training from scratch on other draws of the few examples too.
"""

import contextlib
import importlib
import io
import pickle
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
import torch
from torch import nn

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "models"


def definitions(name: str, stop_at: str) -> dict:
    """The globals of a snippet run up to the line `stop_at`: its imports, data, constants and functions."""
    source = (SNIPPETS / name).read_text(encoding="utf-8")
    assert stop_at in source, f"{name} no longer has the line {stop_at!r}"
    namespace = {"__name__": "saving_test"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source[: source.index(stop_at)], str(SNIPPETS / name), "exec"), namespace)
    return namespace


def round_trip(obj):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pt"
        torch.save(obj, path)
        return torch.load(path)


# --- state_dict ------------------------------------------------------------------------------------------


def small_net():
    return nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 3))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_state_dict_round_trip_is_bit_identical_and_needs_the_buffers(seed):
    torch.manual_seed(seed)
    model = small_net()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(20):  # training also moves batch norm's running statistics, which are buffers
        x = torch.randn(32, 8) * 2 + 1
        loss = nn.functional.cross_entropy(model(x), torch.randint(0, 3, (32,)))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    x = torch.randn(50, 8) * 2 + 1

    loaded = small_net()
    loaded.load_state_dict(round_trip(model.state_dict()))
    loaded.eval()
    with torch.no_grad():
        assert torch.equal(model(x), loaded(x))

    # The wrong way: parameters only. Batch norm falls back to its initial statistics, and predictions change.
    parameters_only = small_net()
    parameters_only.load_state_dict(round_trip(dict(model.named_parameters())), strict=False)
    parameters_only.eval()
    with torch.no_grad():
        assert not torch.allclose(model(x), parameters_only(x))


# --- checkpoints -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def resume():
    return definitions("saving_resume.py", "# The run to reproduce")


def run_with_checkpoint(snippet, stop, left_out=None):
    """saving_resume.py's run, stopped after `stop` epochs and resumed from a checkpoint missing `left_out`."""
    model, optimizer, scheduler, shuffler = snippet["new_run"](seed=0)
    losses = [loss for _ in range(stop) for loss in snippet["train_epoch"](model, optimizer, scheduler, shuffler)]
    parts = {"model": model, "optimizer": optimizer, "scheduler": scheduler}
    checkpoint = round_trip({name: part.state_dict() for name, part in parts.items()} | {"rng": shuffler.get_state()})
    model, optimizer, scheduler, shuffler = snippet["new_run"](seed=1)
    model.load_state_dict(checkpoint["model"])
    if left_out != "optimizer":
        optimizer.load_state_dict(checkpoint["optimizer"])
    if left_out != "scheduler":
        scheduler.load_state_dict(checkpoint["scheduler"])
    if left_out != "rng":
        shuffler.set_state(checkpoint["rng"])
    for _ in range(stop, snippet["EPOCHS"]):
        losses += snippet["train_epoch"](model, optimizer, scheduler, shuffler)
    return losses


@pytest.fixture(scope="module")
def uninterrupted(resume):
    run = resume["new_run"](seed=0)
    return [loss for _ in range(resume["EPOCHS"]) for loss in resume["train_epoch"](*run)]


@pytest.mark.parametrize("stop", [1, 5, 7])
def test_resuming_after_any_epoch_gives_the_same_losses(resume, uninterrupted, stop):
    assert run_with_checkpoint(resume, stop) == uninterrupted


@pytest.mark.parametrize("left_out", ["optimizer", "scheduler", "rng"])
def test_leaving_out_any_part_of_the_checkpoint_changes_the_run(resume, uninterrupted, left_out):
    losses = run_with_checkpoint(resume, 4, left_out)
    assert losses[: len(losses) // 2] == uninterrupted[: len(losses) // 2]  # same until the restart...
    assert losses != uninterrupted  # ...and not after it


OPTIMIZERS = {
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
}
SCHEDULERS = {
    "step": lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=7, gamma=0.5),
    "cosine": lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=40),
    "onecycle": lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.05, total_steps=40),
}


def synthetic_run(optimizer_name, scheduler_name, steps, resume_at=None):
    """A linear classifier on fixed random data, mini-batches drawn from a generator; losses per step."""
    data = torch.Generator().manual_seed(123)
    x, y = torch.randn(64, 5, generator=data), torch.randint(0, 3, (64,), generator=data)

    def build(seed):
        torch.manual_seed(seed)
        model = nn.Linear(5, 3)
        optimizer = OPTIMIZERS[optimizer_name](model.parameters())
        return model, optimizer, SCHEDULERS[scheduler_name](optimizer), torch.Generator().manual_seed(seed)

    model, optimizer, scheduler, shuffler = build(0)
    losses = []
    for step in range(steps):
        if step == resume_at:
            parts = {"model": model, "optimizer": optimizer, "scheduler": scheduler}
            saved = round_trip(
                {name: part.state_dict() for name, part in parts.items()} | {"rng": shuffler.get_state()}
            )
            model, optimizer, scheduler, shuffler = build(1)  # fresh objects, then the saved states
            model.load_state_dict(saved["model"])
            optimizer.load_state_dict(saved["optimizer"])
            scheduler.load_state_dict(saved["scheduler"])
            shuffler.set_state(saved["rng"])
        batch = torch.randint(0, 64, (16,), generator=shuffler)
        loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        losses.append(loss.item())
    return losses


@pytest.mark.parametrize("scheduler_name", sorted(SCHEDULERS))
@pytest.mark.parametrize("optimizer_name", sorted(OPTIMIZERS))
def test_any_optimizer_and_schedule_resume_exactly_and_need_only_plain_types(optimizer_name, scheduler_name):
    assert synthetic_run(optimizer_name, scheduler_name, 40, resume_at=17) == synthetic_run(
        optimizer_name, scheduler_name, 40
    )
    torch.manual_seed(0)
    model = nn.Linear(5, 3)
    optimizer = OPTIMIZERS[optimizer_name](model.parameters())
    model(torch.randn(4, 5)).sum().backward()
    optimizer.step()  # so that the optimizer has state to save
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "scheduler": SCHEDULERS[scheduler_name](optimizer).state_dict(),
        "rng": torch.Generator().get_state(),
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checkpoint.pt"
        torch.save(checkpoint, path)
        assert torch.serialization.get_unsafe_globals_in_checkpoint(path) == []
        torch.load(path)  # the default, weights_only=True


# --- torch.load's weights_only, pickled models -----------------------------------------------------------


class Payload:
    def __reduce__(self):
        return (print, ("payload ran",))


def test_the_installed_torch_loads_weights_only_by_default_and_never_runs_the_payload():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checkpoint.pt"
        torch.save({"weights": torch.ones(2), "note": Payload()}, path)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), pytest.raises(pickle.UnpicklingError, match="GLOBAL print"):
            torch.load(path)
        assert printed.getvalue() == ""  # refused before anything ran
        with contextlib.redirect_stdout(printed):
            torch.load(path, weights_only=False)
        assert printed.getvalue() == "payload ran\n"  # the unsafe loader runs what the file says


def test_a_pickled_model_breaks_when_its_module_is_renamed_and_its_state_dict_does_not():
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "saving_test_models.py").write_text(
            textwrap.dedent("""
            from torch import nn
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.layer = nn.Linear(3, 2)
            """)
        )
        sys.path.insert(0, str(project))
        try:
            model = importlib.import_module("saving_test_models").Net()
            torch.save(model, project / "whole.pt")
            torch.save(model.state_dict(), project / "state.pt")
            assert type(torch.load(project / "whole.pt", weights_only=False)).__name__ == "Net"
        finally:
            sys.path.remove(str(project))
            sys.modules.pop("saving_test_models", None)
        (project / "saving_test_models.py").unlink()
        with pytest.raises(ModuleNotFoundError):
            torch.load(project / "whole.pt", weights_only=False)
        state = torch.load(project / "state.pt")
        assert torch.equal(state["layer.weight"], model.layer.weight)


# --- transfer learning -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def transfer():
    snippet = definitions("saving_transfer.py", "# 1. Pretrain")
    torch.manual_seed(0)
    labels = snippet["labels"]
    old = labels < 5
    snippet["pretrained"] = snippet["train"](snippet["make_cnn"](), snippet["images"][old], labels[old], 150, batch=64)
    state = snippet["pretrained"].state_dict()
    snippet["features_only"] = {name: value for name, value in state.items() if not name.startswith("6.")}
    snippet["x_new"], snippet["y_new"] = snippet["images"][~old], labels[~old] - 5
    return snippet


def transferred(snippet, draw):
    torch.manual_seed(draw)
    model = snippet["make_cnn"]()
    model.load_state_dict(snippet["features_only"], strict=False)
    for parameter in model[:6].parameters():
        parameter.requires_grad_(False)
    return model


def test_frozen_layers_stay_as_loaded_and_features_computed_once_give_the_same_head(transfer):
    few = transfer["pick_few"](transfer["y_new"], 2, seed=0)
    x, y = transfer["x_new"][few], transfer["y_new"][few]

    initial_head = transferred(transfer, draw=0)[6].weight.detach().clone()
    through_the_network = transfer["train"](transferred(transfer, draw=0), x, y, steps=transfer["STEPS"])
    for name, value in through_the_network.state_dict().items():
        if name.startswith("6."):
            continue
        assert torch.equal(value, transfer["features_only"][name]), f"{name} moved although frozen"
    assert not torch.equal(through_the_network[6].weight, initial_head)  # the head learned

    once = transferred(transfer, draw=0)
    with torch.no_grad():
        features = once[:6](x)
    transfer["train"](once[6], features, y, steps=transfer["STEPS"])
    assert torch.equal(once[6].weight, through_the_network[6].weight)
    assert torch.equal(once[6].bias, through_the_network[6].bias)


def test_transfer_beats_training_from_scratch_on_other_draws_too(transfer):
    accuracy, train, make_cnn = transfer["accuracy"], transfer["train"], transfer["make_cnn"]
    x_new, y_new = transfer["x_new"], transfer["y_new"]
    gains = []
    for draw in range(10, 20):  # the page's snippet uses draws 0-9
        few = transfer["pick_few"](y_new, 2, seed=draw)
        test = torch.ones(len(y_new), dtype=torch.bool, device=y_new.device)
        test[few] = False
        model = transferred(transfer, draw)
        with torch.no_grad():
            features = model[:6](x_new)
        train(model[6], features[few], y_new[few], steps=transfer["STEPS"])
        torch.manual_seed(draw)
        scratch = train(make_cnn(), x_new[few], y_new[few], steps=transfer["STEPS"])
        gains.append(accuracy(model[6], features[test], y_new[test]) - accuracy(scratch, x_new[test], y_new[test]))
    assert sum(gains) / len(gains) > 0.01, gains
