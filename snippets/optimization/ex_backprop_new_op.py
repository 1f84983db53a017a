import math
import random

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


class Value:
    """The page's engine, cut down to + and *, with two new operations."""

    def __init__(self, data, parents=(), local_grads=()):
        self.data, self.grad, self.parents, self.local_grads = data, 0.0, parents, local_grads

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def __pow__(self, n):  # n is a plain number: d(x^n)/dx = n x^(n-1)
        return Value(self.data**n, (self,), (n * self.data ** (n - 1),))

    def sigmoid(self):  # d sigmoid(x)/dx = s (1 - s), from the output alone
        s = 1 / (1 + math.exp(-self.data))
        return Value(s, (self,), (s * (1 - s),))

    def backward(self):
        order, seen = [], set()

        def visit(node):
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            for parent, local_grad in zip(node.parents, node.local_grads):
                parent.grad += local_grad * node.grad


def f(a, b, c):  # works on Value and on torch tensors alike
    return ((a * b + c**2).sigmoid() + a) ** 3 if isinstance(a, Value) else (torch.sigmoid(a * b + c**2) + a) ** 3


random.seed(0)
worst = 0.0
for trial in range(100):
    numbers = [random.uniform(-2, 2) for _ in range(3)]
    mine = [Value(n) for n in numbers]
    f(*mine).backward()
    theirs = [torch.tensor(n, dtype=torch.float64, device=device, requires_grad=True) for n in numbers]
    f(*theirs).backward()
    worst = max(worst, *(abs(m.grad - t.grad.item()) for m, t in zip(mine, theirs)))
assert worst < 1e-12
print("100 random points: Value and torch.autograd agree to 1e-12")
