import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

images = torch.tensor(load_digits().data[:8], dtype=torch.float32, device=device) / 16  # (8, 64)
model = torch.nn.Sequential(
    torch.nn.Linear(64, 32), torch.nn.BatchNorm1d(32), torch.nn.ReLU(), torch.nn.Dropout(0.5), torch.nn.Linear(32, 10)
).to(device)

with torch.no_grad():
    model.train()  # the mode a model is in after training (and after it is built)
    first, second = model(images), model(images)
    print("train mode: same input, same output?", torch.allclose(first, second))
    assert not torch.allclose(first, second)  # dropout draws a new mask on every call
    linear_and_norm = model[:2]  # up to the batch norm, before dropout
    in_batch_of_8, in_batch_of_2 = linear_and_norm(images)[0], linear_and_norm(images[:2])[0]
    print("train mode: image 0 independent of its batch?", torch.allclose(in_batch_of_8, in_batch_of_2))
    assert not torch.allclose(in_batch_of_8, in_batch_of_2)  # batch norm uses this batch's mean and variance

    model.eval()  # dropout off, batch norm uses the running statistics learned in training
    first, second = model(images), model(images)
    print("eval mode:  same input, same output?", torch.allclose(first, second))
    print("eval mode:  image 0 independent of its batch?", torch.allclose(first[0], model(images[:2])[0], atol=1e-6))
    assert torch.allclose(first, second)  # evaluation is deterministic again
