"""The learning-rate schedules written by hand on the schedules page equal torch.optim.lr_scheduler's, epoch by epoch."""

import contextlib
import io
import runpy
from pathlib import Path

import pytest
import torch

SNIPPET = Path(__file__).resolve().parent.parent / "snippets" / "optimization" / "schedules_numpy.py"


@pytest.fixture(scope="module")
def schedules():
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own table
        return runpy.run_path(str(SNIPPET))


def torch_rates(make_scheduler, base_lr, epochs):
    weight = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([weight], lr=base_lr)
    scheduler = make_scheduler(optimizer)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return rates


def assert_same(ours, theirs):
    assert len(ours) == len(theirs)
    for epoch, (a, b) in enumerate(zip(ours, theirs)):
        assert abs(a - b) <= 1e-12 * max(1.0, abs(b)), f"epoch {epoch}: ours {a!r}, torch {b!r}"


@pytest.mark.parametrize(("base_lr", "step_size", "gamma"), [(0.1, 30, 0.1), (0.5, 7, 0.5), (2.0, 1, 0.9)])
def test_step_decay(schedules, base_lr, step_size, gamma):
    ours = [schedules["step_decay"](t, base_lr, step_size, gamma) for t in range(100)]
    theirs = torch_rates(lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size, gamma), base_lr, 100)
    assert_same(ours, theirs)


@pytest.mark.parametrize(("base_lr", "total", "min_lr"), [(0.1, 100, 0.0), (0.3, 50, 0.01), (1.0, 7, 0.5)])
def test_cosine(schedules, base_lr, total, min_lr):
    ours = [schedules["cosine"](t, base_lr, total, min_lr) for t in range(total)]
    theirs = torch_rates(
        lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total, eta_min=min_lr), base_lr, total
    )
    assert_same(ours, theirs)


def warmup_then_cosine(warmup, total, start_factor):
    def make(opt):
        schedulers = torch.optim.lr_scheduler
        return schedulers.SequentialLR(
            opt,
            [
                schedulers.LinearLR(opt, start_factor=start_factor, total_iters=warmup),
                schedulers.CosineAnnealingLR(opt, T_max=total - warmup),
            ],
            milestones=[warmup],
        )

    return make


@pytest.mark.parametrize(
    ("base_lr", "warmup", "total", "start_factor"), [(0.1, 10, 100, 0.1), (1.0, 5, 40, 0.25), (0.01, 1, 20, 0.5)]
)
def test_warmup_cosine(schedules, base_lr, warmup, total, start_factor):
    ours = [schedules["warmup_cosine"](t, base_lr, warmup, total, start_factor) for t in range(total)]
    theirs = torch_rates(warmup_then_cosine(warmup, total, start_factor), base_lr, total)
    assert_same(ours, theirs)


def test_an_off_by_one_warmup_is_caught(schedules):
    """The comparison is strict enough to catch a warm-up that starts one epoch late."""

    def late(t, base_lr=0.1, warmup=10, total=100, start_factor=0.1):
        return schedules["warmup_cosine"](max(t - 1, 0), base_lr, warmup, total, start_factor)

    theirs = torch_rates(warmup_then_cosine(10, 100, 0.1), 0.1, 100)
    with pytest.raises(AssertionError):
        assert_same([late(t) for t in range(100)], theirs)
