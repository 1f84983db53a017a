import tempfile
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(0)
digits = load_digits()
x_train, x_test, y_train, y_test = train_test_split(digits.data / 16, digits.target, test_size=0.25, random_state=0)


def linear_init(n_in, n_out):
    bound = 1 / np.sqrt(n_in)  # nn.Linear's default range
    return rng.uniform(-bound, bound, (n_out, n_in)), rng.uniform(-bound, bound, n_out)


def forward(params, x):
    hidden = np.maximum(x @ params["hidden.weight"].T + params["hidden.bias"], 0)
    return hidden @ params["output.weight"].T + params["output.bias"], hidden


# The model is nothing but this dictionary of named arrays: 64 -> 32 -> 10.
params = {}
params["hidden.weight"], params["hidden.bias"] = linear_init(64, 32)
params["output.weight"], params["output.bias"] = linear_init(32, 10)

targets = np.eye(10)[y_train]
for step in range(300):  # full-batch gradient descent on the cross-entropy
    logits, hidden = forward(params, x_train)
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    d_logits = (probs - targets) / len(x_train)
    d_hidden = (d_logits @ params["output.weight"]) * (hidden > 0)
    gradients = {
        "hidden.weight": d_hidden.T @ x_train,
        "hidden.bias": d_hidden.sum(axis=0),
        "output.weight": d_logits.T @ hidden,
        "output.bias": d_logits.sum(axis=0),
    }
    for name in params:
        params[name] -= 0.5 * gradients[name]

with tempfile.TemporaryDirectory() as folder:  # removed at the end of the block
    path = Path(folder) / "mlp.npz"
    np.savez(path, **params)  # one array per name
    print(f"saved {len(params)} arrays, {path.stat().st_size:,} bytes")
    with np.load(path) as file:  # allow_pickle=False by default: arrays only, no Python objects
        loaded = {name: file[name] for name in file.files}

before, after = forward(params, x_test)[0], forward(loaded, x_test)[0]
print(
    f"test accuracy: {(before.argmax(axis=1) == y_test).mean():.3f} before, {(after.argmax(axis=1) == y_test).mean():.3f} after"
)
assert np.array_equal(before, after)  # every bit of every logit
print("logits identical after loading:", np.array_equal(before, after))
