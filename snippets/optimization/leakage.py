import numpy as np
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(0)

# Pure noise: 60 samples, 2000 random features, random labels. No model can beat 50% on new data.
features = rng.normal(size=(60, 2000))  # (60, 2000)
labels = rng.integers(0, 2, size=60)  # (60,)


def top_features(x, y, k=20):
    """The k features most correlated with the labels."""
    centred = (x - x.mean(0)) / x.std(0)
    correlation = np.abs(centred.T @ (y - y.mean())) / len(y)
    return np.argsort(correlation)[-k:]


def cross_validated_accuracy(select_inside_folds, k=5):
    folds = np.array_split(np.random.default_rng(1).permutation(len(labels)), k)
    chosen_on_everything = top_features(features, labels)  # the mistake: peeks at every fold's labels
    accuracies = []
    for i, val_index in enumerate(folds):
        train_index = np.concatenate([fold for j, fold in enumerate(folds) if j != i])
        if select_inside_folds:
            chosen = top_features(features[train_index], labels[train_index])  # training folds only
        else:
            chosen = chosen_on_everything
        model = LogisticRegression().fit(features[train_index][:, chosen], labels[train_index])
        accuracies.append(model.score(features[val_index][:, chosen], labels[val_index]))
    return np.mean(accuracies)


leaky = cross_validated_accuracy(select_inside_folds=False)
honest = cross_validated_accuracy(select_inside_folds=True)
print(f"features chosen on all data, then CV: {leaky:.0%}  <- an illusion")
print(f"features chosen inside each fold    : {honest:.0%}  <- the truth: a coin flip")
assert leaky > 0.8 and abs(honest - 0.5) < 0.2
