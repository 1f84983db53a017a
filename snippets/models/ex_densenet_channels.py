def densenet_channels(growth_rate: int, block_config: tuple, num_init_features: int) -> list:
    """Channels after each dense block and transition, by the rule k0 + k * layers, then halve."""
    channels, trace = num_init_features, []
    for index, num_layers in enumerate(block_config):
        channels += num_layers * growth_rate  # each layer adds growth_rate channels
        trace.append(("block", channels))
        if index != len(block_config) - 1:
            channels //= 2  # the transition halves them
            trace.append(("transition", channels))
    return trace


for name, config in [
    ("DenseNet-121", (32, (6, 12, 24, 16), 64)),
    ("DenseNet-169", (32, (6, 12, 32, 32), 64)),
]:
    trace = densenet_channels(*config)
    print(f"{name}: " + " -> ".join(str(channels) for _, channels in trace))
    assert trace[-1][1] == {"DenseNet-121": 1024, "DenseNet-169": 1664}[name]
