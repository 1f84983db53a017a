import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

labels = load_digits().target
indices = np.arange(len(labels))
expected = np.bincount(labels) * 90 / len(labels)  # images per class in a fair 90-image test set: about 9


def worst_gap(stratify: bool, seed: int) -> float:
    """Largest difference, over the classes, between the test set's count and its fair share."""
    _, test = train_test_split(indices, test_size=90, stratify=labels if stratify else None, random_state=seed)
    return np.abs(np.bincount(labels[test], minlength=10) - expected).max()


for stratify in [False, True]:
    _, test = train_test_split(indices, test_size=90, stratify=labels if stratify else None, random_state=0)
    gaps = [worst_gap(stratify, seed) for seed in range(20)]
    print(
        f"stratify={stratify!s:5s}: counts {np.bincount(labels[test], minlength=10).tolist()}, "
        f"worst gap over 20 splits: mean {np.mean(gaps):.1f}, max {np.max(gaps):.1f}"
    )

assert max(worst_gap(True, seed) for seed in range(20)) < 1
assert np.mean([worst_gap(False, seed) for seed in range(20)]) > 2
