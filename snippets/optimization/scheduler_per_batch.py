import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

batches_per_epoch = 50
planned_epochs = 90  # the run that StepLR(step_size=30) was set up for: decays at epochs 30 and 60


def learning_rate_after_each_epoch(step_every_batch, epochs=3):
    weight = torch.zeros(1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([weight], lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)  # meant: every 30 epochs
    rates = []
    for epoch in range(epochs):
        for batch in range(batches_per_epoch):
            optimizer.step()  # (one mini-batch of training)
            if step_every_batch:
                scheduler.step()  # the bug: 50 scheduler steps per epoch
        if not step_every_batch:
            scheduler.step()  # as intended: one step per epoch
        rates.append(optimizer.param_groups[0]["lr"])
    return rates


intended = learning_rate_after_each_epoch(step_every_batch=False)
buggy = learning_rate_after_each_epoch(step_every_batch=True)
print("learning rate after epochs 1, 2, 3")
print("  stepped per epoch:", [f"{lr:.0e}" for lr in intended])
print("  stepped per batch:", [f"{lr:.0e}" for lr in buggy])
print(f"of {planned_epochs} planned epochs, {planned_epochs - len(buggy)} remain at a learning rate of {buggy[-1]:.0e}")
assert intended == [0.1, 0.1, 0.1]
assert buggy[-1] < 1e-5  # 150 steps = 5 decays: training has all but stopped after 3 epochs
