from torch.utils.data import DistributedSampler

# A sampler only hands out indices; any sequence with a length will do as the dataset.
sampler = DistributedSampler(range(8), num_replicas=2, rank=0, seed=0)  # process 0 of 2
print("without set_epoch:", [list(sampler) for epoch in range(3)])
orders = []
for epoch in range(3):
    sampler.set_epoch(epoch)  # the seed of this epoch's shuffle is seed + epoch
    orders.append(list(sampler))

print("with set_epoch:   ", orders)
assert orders[0] != orders[1] != orders[2]

# 9 samples over 2 processes: the sampler repeats one so that both get the same number.
shards = [list(DistributedSampler(range(9), num_replicas=2, rank=rank, shuffle=False)) for rank in range(2)]
print("9 samples, 2 shards:", shards)
assert sorted(shards[0] + shards[1]) == [0, 0, 1, 2, 3, 4, 5, 6, 7, 8]
