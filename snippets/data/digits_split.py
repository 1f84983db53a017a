import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
features, labels = digits.data, digits.target  # N x 64, N
indices = np.arange(len(labels))

# Cut off the test set first (20 %), then split the rest into training (60 %) and validation (20 %).
# stratify keeps every class's share the same in each part; random_state makes the split repeatable.
rest, test = train_test_split(indices, test_size=0.2, stratify=labels, random_state=0)
train, valid = train_test_split(rest, test_size=0.25, stratify=labels[rest], random_state=0)

print(f"{'split':10s} {'size':>5s}  images per class 0..9")
for name, part in [("training", train), ("validation", valid), ("test", test)]:
    print(f"{name:10s} {len(part):5d}  {np.bincount(labels[part], minlength=10).tolist()}")

assert len(train) + len(valid) + len(test) == len(labels)
assert not (set(train) & set(valid)) and not (set(train) & set(test)) and not (set(valid) & set(test))
for part in [train, valid, test]:  # each class's share within one image of its share overall
    expected = np.bincount(labels, minlength=10) * len(part) / len(labels)
    assert np.abs(np.bincount(labels[part], minlength=10) - expected).max() <= 1
