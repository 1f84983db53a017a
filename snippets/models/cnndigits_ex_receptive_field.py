import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"

# The CNN's two (convolution, pooling) stages, one channel, weights 1, average pooling: the geometry alone.
x = torch.zeros(1, 1, 8, 8, dtype=torch.float64, device=device, requires_grad=True)
ones = torch.ones(1, 1, 3, 3, dtype=torch.float64, device=device)
y = F.avg_pool2d(F.conv2d(F.avg_pool2d(F.conv2d(x, ones, padding=1), 2), ones, padding=1), 2)  # 1 x 1 x 2 x 2

for i in range(2):
    for j in range(2):
        (gradient,) = torch.autograd.grad(y[0, 0, i, j], x, retain_graph=True)
        seen = gradient[0, 0] != 0
        rows, cols = torch.nonzero(seen, as_tuple=True)
        print(
            f"output ({i}, {j}) sees {seen.sum().item()} of 64 pixels: rows {rows.min().item()}..{rows.max().item()}, "
            f"columns {cols.min().item()}..{cols.max().item()}"
        )
        if (i, j) == (0, 0):
            print(seen.int().cpu().numpy())
