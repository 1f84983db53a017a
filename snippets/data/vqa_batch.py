import torch
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

questions = ["what colour are the eyes", "how many balls", "is the ball on the left of the box"]
answers = ["brown", "two", "yes"]

# Vocabularies: question words get ids (0 = padding, 1 = unknown); answers are classes.
PAD, UNK = 0, 1
words = sorted({word for question in questions for word in question.split()})
word_to_id = {word: index for index, word in enumerate(words, start=2)}
answer_vocabulary = ["no", "yes", "one", "two", "three", "brown", "blue"]  # A = 7 answer classes


def encode(question: str) -> torch.Tensor:
    return torch.tensor([word_to_id.get(word, UNK) for word in question.split()])


token_lists = [encode(question) for question in questions]  # lengths 5, 3, 9
question_ids = pad_sequence(token_lists, batch_first=True, padding_value=PAD).to(device)  # N x T, int64
attention_mask = question_ids != PAD  # N x T, bool: True on real tokens
answer_ids = torch.tensor([answer_vocabulary.index(answer) for answer in answers]).to(device)  # N, int64
images = torch.rand(len(questions), 3, 32, 32).to(device)  # N x 3 x H x W

for name, tensor in [
    ("images", images),
    ("question_ids", question_ids),
    ("attention_mask", attention_mask),
    ("answer_ids", answer_ids),
]:
    print(f"{name:14s} {str(tuple(tensor.shape)):15s} {tensor.dtype}")
print(f"question_ids =\n{question_ids.cpu()}")

# A stand-in model: average the word vectors of the real tokens, pool the image, join, classify.
embedding = torch.nn.Embedding(len(word_to_id) + 2, 16, padding_idx=PAD).to(device)
classifier = torch.nn.Linear(16 + 3, len(answer_vocabulary)).to(device)


def answer_logits(images: torch.Tensor, question_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    token_vectors = embedding(question_ids)  # N x T x 16
    mask = attention_mask[..., None].float()  # N x T x 1
    question_vector = (token_vectors * mask).sum(dim=1) / mask.sum(dim=1)  # N x 16, padding ignored
    image_vector = images.mean(dim=(2, 3))  # N x 3
    return classifier(torch.cat([question_vector, image_vector], dim=1))  # N x A


logits = answer_logits(images, question_ids, attention_mask)
loss = F.cross_entropy(logits, answer_ids)  # VQA as classification over the answer vocabulary
print(f"logits {tuple(logits.shape)}, cross-entropy = {loss.item():.4f}")

assert question_ids.dtype == torch.int64 and question_ids.shape == (3, 9)
assert attention_mask.sum(dim=1).tolist() == [5, 3, 9]  # the true question lengths
assert logits.shape == (len(questions), len(answer_vocabulary))
# Extra padding must not change the answer: the mask keeps it out of the average.
longer_ids = F.pad(question_ids, (0, 4), value=PAD)  # N x (T + 4)
assert torch.allclose(answer_logits(images, longer_ids, longer_ids != PAD), logits, atol=1e-6)
