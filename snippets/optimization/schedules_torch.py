import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def learning_rates(make_scheduler, epochs=100, base_lr=0.1):
    """The learning rate the optimizer uses in each epoch; scheduler.step() once per epoch."""
    weight = torch.zeros(1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([weight], lr=base_lr)
    scheduler = make_scheduler(optimizer)
    rates = []
    for epoch in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()  # (the epoch's training would go here)
        scheduler.step()
    return rates


schedulers = torch.optim.lr_scheduler
step = learning_rates(lambda opt: schedulers.StepLR(opt, step_size=30, gamma=0.1))
cosine = learning_rates(lambda opt: schedulers.CosineAnnealingLR(opt, T_max=100))
warmup_cosine = learning_rates(
    lambda opt: schedulers.SequentialLR(
        opt,
        [schedulers.LinearLR(opt, start_factor=0.1, total_iters=10), schedulers.CosineAnnealingLR(opt, T_max=90)],
        milestones=[10],
    )
)

print("epoch   step   cosine  warm-up+cosine")
for epoch in [0, 5, 10, 29, 30, 50, 60, 99]:
    print(f"{epoch:5d}  {step[epoch]:.4f}  {cosine[epoch]:.4f}  {warmup_cosine[epoch]:.4f}")
assert abs(step[30] - step[0] * 0.1) < 1e-12 and abs(cosine[50] - 0.05) < 1e-12 and abs(warmup_cosine[10] - 0.1) < 1e-12
