import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
train, test = train_test_split(np.arange(len(digits.target)), test_size=0.3, stratify=digits.target, random_state=0)
train_mean, train_std = digits.data[train].mean(axis=0), digits.data[train].std(axis=0) + 1e-8


def to_tensor(array: np.ndarray) -> torch.Tensor:
    return torch.tensor(array, dtype=torch.float32).to(device)


# A linear classifier trained on standardized training images (full-batch gradient descent).
model = torch.nn.Linear(64, 10).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
train_x, train_y = (
    to_tensor((digits.data[train] - train_mean) / train_std),
    torch.tensor(digits.target[train]).to(device),
)
for _ in range(50):
    loss = F.cross_entropy(model(train_x), train_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def predict(images: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(to_tensor((images - mean) / std)).argmax(dim=1).cpu().numpy()


test_images, test_labels = digits.data[test], digits.target[test]
# Right: the training statistics, stored with the model. Each prediction depends on its image alone.
right = predict(test_images, train_mean, train_std)
# Wrong: statistics of whatever test batch arrives. Here each batch holds one class, as from one writer.
wrong = np.empty_like(right)
for digit in range(10):
    batch = test_labels == digit
    wrong[batch] = predict(test_images[batch], test_images[batch].mean(axis=0), test_images[batch].std(axis=0) + 1e-8)
print(f"training statistics:   test accuracy {(right == test_labels).mean():.3f}")
print(f"test-batch statistics: test accuracy {(wrong == test_labels).mean():.3f}")

# One image at a time, its own statistics erase it: every pixel becomes 0.
single = test_images[:1]
erased = (single - single.mean(axis=0)) / (single.std(axis=0) + 1e-8)
print(f"a batch of one image, standardized by itself: all pixels zero? {bool(np.all(erased == 0))}")

assert (right == test_labels).mean() > 0.9
assert (wrong == test_labels).mean() < (right == test_labels).mean() - 0.2
assert np.all(erased == 0)
