import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
PAD = 0


class SentenceDataset(Dataset):
    """Sentences of different lengths as token ids, each with a class label (say, its sentiment)."""

    def __init__(self):
        self.token_ids = [torch.tensor(ids) for ids in [[5, 8, 2], [7, 3], [4, 9, 6, 2, 8], [3]]]
        self.labels = torch.tensor([1, 0, 1, 0])

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int):
        return self.token_ids[index], self.labels[index]


def pad_collate(batch):
    """Pad the sentences of one batch to the longest of them; keep the true lengths."""
    sequences, labels = zip(*batch)
    token_ids = pad_sequence(sequences, batch_first=True, padding_value=PAD)  # B x T_max
    lengths = torch.tensor([len(sequence) for sequence in sequences])  # B
    return token_ids, lengths, torch.stack(labels)


loader = DataLoader(SentenceDataset(), batch_size=2, shuffle=False, num_workers=0, collate_fn=pad_collate)
for token_ids, lengths, labels in loader:
    token_ids, lengths, labels = token_ids.to(device), lengths.to(device), labels.to(device)
    print(
        f"token_ids {tuple(token_ids.shape)}: {token_ids.tolist()}, lengths {lengths.tolist()}, labels {labels.tolist()}"
    )
    mask = torch.arange(token_ids.shape[1], device=device)[None, :] < lengths[:, None]  # B x T_max, True on real tokens
    assert torch.equal(mask, token_ids != PAD)  # the same mask, since no real token has id 0
    assert token_ids.dtype == torch.int64 and token_ids.shape[1] == lengths.max()
