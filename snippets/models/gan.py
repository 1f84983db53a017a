import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def sample_data(num: int) -> torch.Tensor:
    """The 'real' data: points on a bent band, y = x^2 / 2 - 1 around x = 2."""
    u = torch.randn(num, device=device)
    noise = 0.1 * torch.randn(num, device=device)
    return torch.stack([u + 2.0, 0.5 * u**2 - 1.0 + noise], dim=1)  # (num, 2)


noise_size, hidden = 2, 32
generator = nn.Sequential(  # z -> a fake point
    nn.Linear(noise_size, hidden),
    nn.ReLU(),
    nn.Linear(hidden, hidden),
    nn.ReLU(),
    nn.Linear(hidden, 2),
).to(device)
discriminator = nn.Sequential(  # a point -> logit of "real"
    nn.Linear(2, hidden),
    nn.LeakyReLU(0.2),
    nn.Linear(hidden, hidden),
    nn.LeakyReLU(0.2),
    nn.Linear(hidden, 1),
).to(device)
z = torch.randn(5, noise_size, device=device)  # (5, 2) noise
fake_points = generator(z)  # (5, 2)
realness_logits = discriminator(fake_points)  # (5, 1)
print(f"noise {tuple(z.shape)} -> G -> {tuple(fake_points.shape)} -> D -> {tuple(realness_logits.shape)}")
print(
    f"parameters: generator {sum(p.numel() for p in generator.parameters()):,}, "
    f"discriminator {sum(p.numel() for p in discriminator.parameters()):,}"
)
assert fake_points.shape == (5, 2) and realness_logits.shape == (5, 1)
optimizer_g = torch.optim.Adam(generator.parameters(), lr=2e-3, betas=(0.5, 0.999))
optimizer_d = torch.optim.Adam(discriminator.parameters(), lr=2e-3, betas=(0.5, 0.999))
bce = nn.functional.binary_cross_entropy_with_logits  # -[y log D + (1 - y) log(1 - D)]

fixed_noise = torch.randn(200, noise_size, device=device)  # to watch the same fakes move
real_points = sample_data(200)
snapshots = {}  # step -> generated points, for the figure


def distance_to_data() -> float:
    """How far the mean of the fakes is from the mean of the data."""
    with torch.no_grad():
        return (generator(fixed_noise).mean(0) - real_points.mean(0)).norm().item()


start_distance = distance_to_data()
with torch.no_grad():
    snapshots[0] = generator(fixed_noise).cpu()
num_steps, batch = 800, 128
ones, zeros = torch.ones(batch, 1, device=device), torch.zeros(batch, 1, device=device)  # labels
for step in range(1, num_steps + 1):
    real = sample_data(batch)
    fake = generator(torch.randn(batch, noise_size, device=device))  # (batch, 2)

    # Discriminator step: call real points real (1) and fakes fake (0).
    # detach(): this step must not change the generator.
    loss_d = bce(discriminator(real), ones) + bce(discriminator(fake.detach()), zeros)
    optimizer_d.zero_grad()
    loss_d.backward()
    optimizer_d.step()

    # Generator step: make the discriminator call the fakes real (non-saturating loss).
    loss_g = bce(discriminator(fake), ones)
    optimizer_g.zero_grad()
    loss_g.backward()
    optimizer_g.step()

    if step in (100, 300, num_steps):
        with torch.no_grad():
            snapshots[step] = generator(fixed_noise).cpu()
    if step % 200 == 0:
        print(
            f"step {step}: loss_D {loss_d.item():.3f}, loss_G {loss_g.item():.3f}, "
            f"mean of fakes is {distance_to_data():.2f} from the data"
        )

print(f"distance of the means: {start_distance:.2f} before, {distance_to_data():.2f} after")
spread = snapshots[num_steps].std(0) / real_points.cpu().std(0)
print(f"spread of fakes / spread of data: {spread[0]:.2f} (x), {spread[1]:.2f} (y)")
assert distance_to_data() < 0.25 * start_distance
assert ((0.5 < spread) & (spread < 2.0)).all()
