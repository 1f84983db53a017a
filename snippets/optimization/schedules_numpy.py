import math


def step_decay(epoch, base_lr=0.1, step_size=30, gamma=0.1):
    """Multiply by gamma every step_size epochs."""
    return base_lr * gamma ** (epoch // step_size)


def cosine(epoch, base_lr=0.1, total_epochs=100, min_lr=0.0):
    """Half a cosine wave from base_lr down to min_lr."""
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * epoch / total_epochs)) / 2


def warmup_cosine(epoch, base_lr=0.1, warmup_epochs=10, total_epochs=100, start_factor=0.1):
    """Climb linearly from start_factor * base_lr, then follow a cosine over the remaining epochs."""
    if epoch < warmup_epochs:
        return base_lr * (start_factor + (1 - start_factor) * epoch / warmup_epochs)
    return cosine(epoch - warmup_epochs, base_lr, total_epochs - warmup_epochs)


print("epoch   step   cosine  warm-up+cosine")
for epoch in [0, 5, 10, 29, 30, 50, 60, 99]:
    print(f"{epoch:5d}  {step_decay(epoch):.4f}  {cosine(epoch):.4f}  {warmup_cosine(epoch):.4f}")
assert abs(step_decay(30) - 0.01) < 1e-12 and abs(cosine(50) - 0.05) < 1e-12 and abs(warmup_cosine(10) - 0.1) < 1e-12
