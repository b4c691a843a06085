# Prints the PyTorch trajectories that OptimReferenceTest compares with.
# Run: /usr/bin/python3 pytorch_reference.py   (measured with PyTorch 1.13.1, CPU, float32)
import torch

GRADS = [[1.0, 0.5], [2.0, -1.0], [-1.0, 0.25]]


def trajectory(make_optimizer):
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
    optimizer = make_optimizer([w])
    for g in GRADS:
        w.grad = torch.tensor(g)
        optimizer.step()
        print("   ", ", ".join(repr(float(x)) for x in w.detach()))


for name, make in [
    ("momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    ("nesterov", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True)),
    ("sgd l2 momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01)),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.9, 0.999), eps=1e-8)),
    ("adam large eps", lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.9, 0.999), eps=0.1)),
    ("adamw", lambda p: torch.optim.AdamW(p, lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1)),
]:
    print(name)
    trajectory(make)

a = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
b = torch.nn.Parameter(torch.tensor([1.0]))
a.grad = torch.tensor([3.0, 4.0])
b.grad = torch.tensor([12.0])
norm = torch.nn.utils.clip_grad_norm_([a, b], 6.5)
torch.optim.SGD([a, b], lr=1.0).step()
print("clip", float(norm), [float(x) for x in a.detach()], [float(x) for x in b.detach()])

# clip -> L2 weight decay -> momentum -> warm-up + cosine learning rate
# (Optim.chain(clipByGlobalNorm(1), addWeightDecay(0.01), trace(0.9, false),
#  scaleByLearningRate(warmupThen(1, cosine(0.1, 0.01, 2)))): lr 0, 0.1, 0.055)
w = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, weight_decay=0.01)
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: [0.0, 1.0, 0.55][step] if step < 3 else 0.1)
print("chain")
for g in GRADS:
    w.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_norm_([w], 1.0)
    optimizer.step()
    scheduler.step()
    print("   ", ", ".join(repr(float(x)) for x in w.detach()))
