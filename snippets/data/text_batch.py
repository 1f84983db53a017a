import torch
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

sentences = ["the cat sat", "a dog ran to the park", "birds sing"]
PAD, BOS, EOS = 0, 1, 2  # special tokens: padding, begin and end of sentence
words = sorted({word for sentence in sentences for word in sentence.split()})
word_to_id = {word: index for index, word in enumerate(words, start=3)}
vocabulary_size = len(word_to_id) + 3  # V

# Each sentence becomes <bos> w1 ... wn <eos>; sentences have different lengths, so pad.
sequences = [torch.tensor([BOS] + [word_to_id[w] for w in s.split()] + [EOS]) for s in sentences]
token_ids = pad_sequence(sequences, batch_first=True, padding_value=PAD)  # N x (T + 1)
lengths = torch.tensor([len(sequence) for sequence in sequences])  # N

# Next-token prediction: the input is every token but the last, the target every token but the first.
inputs = token_ids[:, :-1].to(device)  # N x T
targets = token_ids[:, 1:].clone()  # N x T
targets[targets == PAD] = -100  # cross-entropy skips the index -100 (its default ignore_index)
targets = targets.to(device)

# A stand-in language model: embed each token, predict the next one.
model = torch.nn.Sequential(torch.nn.Embedding(vocabulary_size, 8), torch.nn.Linear(8, vocabulary_size)).to(device)
logits = model(inputs)  # N x T x V

for name, tensor in [("inputs", inputs), ("targets", targets), ("logits", logits)]:
    print(f"{name:7s} {str(tuple(tensor.shape)):11s} {tensor.dtype}")
print(f"lengths {lengths.tolist()}")
print(f"targets =\n{targets.cpu()}")

# cross_entropy wants the class axis second (N x V x T), or everything flattened.
loss = F.cross_entropy(logits.transpose(1, 2), targets)
loss_flat = F.cross_entropy(logits.reshape(-1, vocabulary_size), targets.reshape(-1))
counted = (targets != -100).sum().item()
print(f"cross-entropy over {counted} real next tokens = {loss.item():.4f}")

assert inputs.shape == targets.shape == (3, 7) and inputs.dtype == targets.dtype == torch.int64
assert logits.shape == (3, 7, vocabulary_size)
assert counted == (lengths - 1).sum().item()  # every real token after <bos> is predicted once
assert torch.allclose(loss, loss_flat)
