import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
features, labels = digits.data, digits.target  # N x 64 pixels, N
rest, test = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels, random_state=0)
train, valid = train_test_split(rest, test_size=0.25, stratify=labels[rest], random_state=0)


def fit_standardizer(train_features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-feature mean and standard deviation, from the training set only."""
    mean = train_features.mean(axis=0)  # 64
    std = train_features.std(axis=0)  # 64
    std[std == 0] = 1.0  # a pixel that is always 0 would divide by zero; leave it as it is
    return mean, std


def standardize(features: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    return (features - mean) / std


mean, std = fit_standardizer(features[train])
print(f"pixels that never change in training: {(features[train].std(axis=0) == 0).sum()} of 64")
for name, part in [("training", train), ("validation", valid), ("test", test)]:
    z = standardize(features[part], mean, std)
    varying = std != 1.0
    print(
        f"{name:10s}: largest |pixel mean| {np.abs(z.mean(axis=0)).max():.4f}, "
        f"average pixel std {z[:, varying].std(axis=0).mean():.4f}"
    )

# Statistics from all the data would have looked at the validation and test images.
leaky_mean = features.mean(axis=0)
print(f"largest gap between train-only and all-data means: {np.abs(leaky_mean - mean).max():.3f} ink levels")

z_train = standardize(features[train], mean, std)
assert np.allclose(z_train.mean(axis=0), 0.0)  # exactly centred on the data it was fitted to
assert np.allclose(z_train.std(axis=0)[std != 1.0], 1.0)
assert not np.allclose(standardize(features[test], mean, std).mean(axis=0), 0.0)  # other data: only close
