import numpy as np

rng = np.random.default_rng(0)
fan_in, fan_out = 512, 256  # a layer from 512 inputs to 256 outputs: weight shape (256, 512), as in torch
tolerance = 0.01  # relative; a std estimated from 131,072 draws is off by about 0.2%, so 1% is 5 standard errors


def xavier_uniform(fan_in, fan_out, gain=1.0):
    bound = gain * np.sqrt(6 / (fan_in + fan_out))  # U(-a, a) has variance a²/3 = 2 / (fan_in + fan_out)
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))


def xavier_normal(fan_in, fan_out, gain=1.0):
    return rng.normal(0, gain * np.sqrt(2 / (fan_in + fan_out)), size=(fan_out, fan_in))


def he_uniform(fan_in, fan_out, gain=np.sqrt(2)):
    bound = gain * np.sqrt(3 / fan_in)  # variance gain² / fan_in = 2 / fan_in for ReLU
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))


def he_normal(fan_in, fan_out, gain=np.sqrt(2)):
    return rng.normal(0, gain / np.sqrt(fan_in), size=(fan_out, fan_in))


# name: (weights drawn from scratch, the standard deviation the derivation asks for)
expected = {
    "Xavier uniform": (xavier_uniform(fan_in, fan_out), np.sqrt(2 / (fan_in + fan_out))),
    "Xavier normal": (xavier_normal(fan_in, fan_out), np.sqrt(2 / (fan_in + fan_out))),
    "He uniform": (he_uniform(fan_in, fan_out), np.sqrt(2 / fan_in)),
    "He normal": (he_normal(fan_in, fan_out), np.sqrt(2 / fan_in)),
}
print(f"{fan_in} -> {fan_out}, {fan_in * fan_out:,} weights each")
print(f"{'init':<16}{'formula std':>12}{'sample std':>12}{'ratio':>8}")
for name, (weights, std) in expected.items():
    ratio = weights.std() / std
    print(f"{name:<16}{std:>12.5f}{weights.std():>12.5f}{ratio:>8.4f}")
    assert abs(ratio - 1) < tolerance, name
    assert abs(weights.mean()) < tolerance * std  # centred on 0
