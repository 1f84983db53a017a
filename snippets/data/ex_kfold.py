import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import StratifiedKFold

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
features, labels = digits.data, digits.target


def fit_and_score(train: np.ndarray, valid: np.ndarray) -> float:
    """Standardize with this fold's training part only, train a linear classifier, return validation accuracy."""
    mean, std = features[train].mean(axis=0), features[train].std(axis=0) + 1e-8
    x = torch.tensor((features - mean) / std, dtype=torch.float32).to(device)
    y = torch.tensor(labels).to(device)
    torch.manual_seed(0)
    model = torch.nn.Linear(64, 10).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    for _ in range(30):
        loss = F.cross_entropy(model(x[train]), y[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        return (model(x[valid]).argmax(dim=1) == y[valid]).float().mean().item()


folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = []
for fold, (train, valid) in enumerate(folds.split(features, labels)):
    scores.append(fit_and_score(train, valid))
    print(f"fold {fold}: train {len(train)}, validation {len(valid)}, accuracy {scores[-1]:.3f}")
print(f"5-fold accuracy {np.mean(scores):.3f} ± {np.std(scores):.3f}")

assert len(scores) == 5 and min(scores) > 0.9
