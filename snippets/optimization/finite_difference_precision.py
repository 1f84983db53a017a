import numpy as np

# d/dw w^3 = 3 w^2, so at w = 1.5 the exact derivative is 6.75.
exact = 6.75
print("     h   error in float32   error in float64")
errors = {}
for h in [1e-1, 1e-2, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10]:
    row = []
    for dtype in (np.float32, np.float64):
        w, step = dtype(1.5), dtype(h)
        estimate = ((w + step) ** 3 - (w - step) ** 3) / (2 * step)  # central difference
        errors[dtype, h] = abs(float(estimate) - exact)
        row.append(f"{errors[dtype, h]:17.1e}")
    print(f"{h:6.0e}  " + "  ".join(row))

# float64 with h near 1e-6 is accurate; float32 never gets below ~1e-4 and falls apart for small h.
assert errors[np.float64, 1e-6] < 1e-8
assert min(errors[np.float32, h] for h in [1e-2, 1e-3, 1e-4]) > 1e-5
assert errors[np.float32, 1e-6] > 0.1
