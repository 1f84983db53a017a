import numpy as np

rng = np.random.default_rng(0)

# Ten samples; the first feature is the sample's number, so we can see which rows a batch holds.
features = np.arange(10)[:, None] + np.array([0.0, 0.1, 0.2])  # N x D = 10 x 3
labels = np.arange(10) % 2  # N


def iterate_minibatches(features, labels, batch_size, shuffle, drop_last, rng):
    """Yield (features, labels) mini-batches that visit every sample once per epoch."""
    order = rng.permutation(len(features)) if shuffle else np.arange(len(features))
    stop = len(features) - len(features) % batch_size if drop_last else len(features)
    for start in range(0, stop, batch_size):
        index = order[start : start + batch_size]  # fancy indexing gathers the rows of one batch
        yield features[index], labels[index]


for epoch in range(2):
    seen = []
    for batch_features, batch_labels in iterate_minibatches(features, labels, 4, True, False, rng):
        samples = batch_features[:, 0].astype(int).tolist()
        print(f"epoch {epoch}: features {batch_features.shape}, samples {samples}, labels {batch_labels.tolist()}")
        seen += samples
    assert sorted(seen) == list(range(10))  # every sample once per epoch

sizes = [len(b) for b, _ in iterate_minibatches(features, labels, 4, True, True, rng)]
print(f"drop_last=True: batch sizes {sizes}")
assert sizes == [4, 4]
