import torch
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Three sentences of 5, 2 and 4 tokens, padded to 5; one label each (sentence classification).
sentences = [torch.tensor([4, 7, 1, 9, 3]), torch.tensor([6, 2]), torch.tensor([5, 8, 2, 7])]
token_ids = pad_sequence(sentences, batch_first=True, padding_value=0).to(device)  # N x T
lengths = torch.tensor([len(s) for s in sentences], device=device)  # N

embedding = torch.nn.Embedding(10, 8, padding_idx=0).to(device)
gru = torch.nn.GRU(input_size=8, hidden_size=6, batch_first=True).to(device)
with torch.no_grad():
    outputs, _ = gru(embedding(token_ids))  # N x T x hidden: one state per position, padding included

    last_position = outputs[:, -1]  # N x hidden: for short sentences, the state after reading padding
    last_real = outputs[torch.arange(len(sentences), device=device), lengths - 1]  # N x hidden
    # The reference: each sentence run alone, without any padding.
    alone = torch.stack([gru(embedding(s.to(device))[None])[0][0, -1] for s in sentences])  # N x hidden

for i, length in enumerate(lengths.tolist()):
    print(
        f"sentence {i} ({length} tokens): outputs[:, -1] matches the unpadded run: "
        f"{torch.allclose(last_position[i], alone[i], atol=1e-6)!s:5s}, "
        f"outputs[i, length - 1] matches: {torch.allclose(last_real[i], alone[i], atol=1e-6)}"
    )

assert torch.allclose(last_real, alone, atol=1e-6)
assert not torch.allclose(last_position[1], alone[1], atol=1e-6)  # the padded sentence went wrong
