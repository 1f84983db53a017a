"""Generated points (fixed noise) at four moments of gan.py's training, over the real data."""

import contextlib
import io
import runpy
import sys
import types
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {"step": "갱신 {step}회", "real": "실제 데이터", "fake": "생성된 점"},
    "en": {"step": "step {step}", "real": "real data", "fake": "generated"},
}


def run_snippet(name: str) -> dict:
    """The globals of snippets/models/<name> after running it, as shown on the page.

    The build draws each figure once per language; a copy kept in sys.modules, keyed by the snippet's
    text, trains once per process instead of twice.
    """
    source = Path(__file__).with_name(name)
    runs = vars(sys.modules.setdefault("_models_snippet_runs", types.ModuleType("_models_snippet_runs")))
    text = source.read_bytes()
    if runs.get(name, (None,))[0] != text:
        with contextlib.redirect_stdout(io.StringIO()):
            runs[name] = (text, runpy.run_path(str(source)))
    return runs[name][1]


def draw(lang: str):
    text = TEXT[lang]
    run = run_snippet("gan.py")  # reuse the training shown on the page
    real = run["real_points"][:100].cpu().numpy()  # a few hundred points in all keep the SVG light
    figure, axes = plt.subplots(1, 4, figsize=(11, 3.0), sharex=True, sharey=True)
    for ax, (step, fake) in zip(axes, sorted(run["snapshots"].items())):
        fake = fake[:100].numpy()
        ax.scatter(real[:, 0], real[:, 1], s=7, label=text["real"], color="C0", linewidths=0)
        ax.scatter(fake[:, 0], fake[:, 1], s=7, label=text["fake"], color="C1", linewidths=0)
        ax.set_title(text["step"].format(step=step))
        ax.set_aspect("equal")
    axes[0].set_xlim(-1.0, 5.0)
    axes[0].set_ylim(-1.8, 3.5)
    axes[0].legend(loc="upper left", fontsize=9, markerscale=2)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("gan.png")
