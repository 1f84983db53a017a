import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# 21 points near the line y = 2x + 1, and the same points with the last one broken.
x = torch.linspace(-1, 1, 21, device=device)
y_clean = 2 * x + 1 + 0.1 * torch.randn(21, device=device)
y_outlier = y_clean.clone()
y_outlier[-1] = -6.0  # one bad measurement at the edge (it should be about 3)

losses = {"MSE": F.mse_loss, "MAE": F.l1_loss, "Huber": F.huber_loss}


def fit_line(x: torch.Tensor, y: torch.Tensor, loss_fn, steps: int = 800) -> tuple[float, float]:
    """Fit y_hat = w x + b by minimising loss_fn; only the loss differs between the fits."""
    w = torch.zeros((), device=device, requires_grad=True)
    b = torch.zeros((), device=device, requires_grad=True)
    optimizer = torch.optim.Adam([w, b], lr=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps)  # small final steps
    for _ in range(steps):
        loss = loss_fn(w * x + b, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
    return w.item(), b.item()


fits = {name: (fit_line(x, y_clean, loss_fn), fit_line(x, y_outlier, loss_fn)) for name, loss_fn in losses.items()}
print("loss    w clean  w outlier   b clean  b outlier")
for name, ((w_clean, b_clean), (w_outlier, b_outlier)) in fits.items():
    print(f"{name:<6} {w_clean:8.2f} {w_outlier:10.2f} {b_clean:9.2f} {b_outlier:10.2f}")

# One bad point drags the MSE line; the MAE and Huber lines barely move.
shift = {name: abs(outlier[0] - clean[0]) for name, (clean, outlier) in fits.items()}
assert shift["MSE"] > 1.0
assert shift["MAE"] < 0.3 and shift["Huber"] < 0.3
