"""Submissions for the grading tests, built from a lab's master and its student version."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lab_notebook(lab_id: str, folder: str = "labs") -> dict:
    """The student lab (``folder="labs/zh_CN"``: the Chinese one)."""
    return json.loads((ROOT / folder / f"{lab_id}.ipynb").read_text())


def master_sources(lab_id: str) -> dict[str, str]:
    nb = json.loads((ROOT / "solutions" / f"{lab_id}.ipynb").read_text())
    return {c["id"]: "".join(c["source"]) for c in nb["cells"]}


def auto_points(lab_id: str) -> dict[str, float]:
    """The points of each auto-graded question of the lab, by question name."""
    from trainwell.grading.lab import read_lab

    return {q.name: q.points for q in read_lab(ROOT / "solutions" / f"{lab_id}.ipynb").auto_questions}


def solved(lab_id: str, folder: str = "labs") -> dict:
    """The student lab with every answer cell taken from the master (what an honest student hands in)."""
    sources = master_sources(lab_id)
    answers = {c["id"] for c in lab_notebook(lab_id)["cells"]
               if c["id"] in sources and "".join(c["source"]) != sources[c["id"]]}
    nb = lab_notebook(lab_id, folder)
    for cell in nb["cells"]:
        if cell["id"] in answers:
            cell["source"] = sources[cell["id"]]
    return nb


def code_cell(text: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": "extra", "metadata": {},
            "outputs": [], "source": text}


def answer_index(nb: dict, name: str) -> int:
    """Index of the code cell that defines ``name``."""
    return next(i for i, c in enumerate(nb["cells"])
                if c["cell_type"] == "code" and f"def {name}(" in "".join(c["source"]))


def with_cell(nb: dict, text: str, before: str | None = None) -> dict:
    """A copy of ``nb`` with a code cell added before the answer defining ``before`` (or at the end)."""
    nb = copy.deepcopy(nb)
    at = answer_index(nb, before) if before else len(nb["cells"])
    nb["cells"].insert(at, code_cell(text))
    return nb


def replace_in(nb: dict, old: str, new: str) -> dict:
    nb = copy.deepcopy(nb)
    hits = 0
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if old in text:
            cell["source"] = text.replace(old, new)
            hits += 1
    assert hits == 1, f"{old!r} found {hits} times"
    return nb


def write(folder: Path, name: str, nb: dict | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb, indent=1))
    return path


CHEATS = {
    "cheat-numpy": """
import numpy as np
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.ndarray.tolist  # a C type: cannot be patched, but its users can
np.linspace = lambda *a, **k: np.zeros(13)
""",
    "cheat-torch": """
import torch
torch.Tensor.tolist = lambda self: [0.105, 0.25, 0.105]
torch.sigmoid = lambda z: z * 0 + 0.25
def sigmoid_grad(z):
    return z
def init_std(fan_in, fan_out, scheme):
    return 0.0707 if scheme == "xavier" else 0.1
vanishing_depth = 6 if False else True
""",
    "cheat-builtins": """
import builtins
builtins.round = lambda x, n=None: x
builtins.isinstance = lambda *a: True
builtins.float = lambda x=0: 0.0
builtins.len = lambda x: 2
builtins.abs = lambda x: 0
""",
    "cheat-client": """
import json
import trainwell.check
trainwell.check.Checker.check = lambda self, q, env=None: print(f"{q} results: All test cases passed!")
try:
    import otter
    otter.Notebook.check = lambda self, q, env=None: print(f"{q} results: All test cases passed!")
except ImportError:
    pass
json.dumps = lambda *a, **k: '"All tests passed"'
json.loads = lambda *a, **k: {"passed": True}
""",
    "cheat-rewrite-tests": """
import os, pathlib
for folder in ["tests/02-vanishing-exploding-pytorch", "/work/main/labs/tests/02-vanishing-exploding-pytorch"]:
    try:
        os.makedirs(folder, exist_ok=True)
        for q in ("q1", "q2", "q3", "q4", "q5", "q6"):
            pathlib.Path(folder, q + ".py").write_text("OK_FORMAT = True\\ntest = {'name': '%s', 'points': 2, 'suites': []}" % q)
    except OSError:
        pass
""",
    "cheat-read-outside": """
import glob, json, os
stolen = []
for pattern in ["{solutions}/*.ipynb", "/work/**/solutions/*.ipynb", "../**/*.ipynb", "/tmp/**/*.json", "/etc/shadow"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            stolen.append(open(path).read())
        except OSError:
            pass
for text in stolen:
    try:
        for cell in json.loads(text)["cells"]:
            if cell["cell_type"] == "code" and "%pip" not in "".join(cell["source"]):
                try:
                    exec("".join(cell["source"]), globals())
                except Exception:
                    pass
    except Exception:
        pass
""",
    "cheat-print-pass": """
print("All tests passed!")
print("q1 results: All test cases passed!\\nq2 results: All test cases passed!")
from IPython.display import display
display({"text/plain": "Score: 8/8"}, raw=True)
""",
    "cheat-displayhook": """
import sys
ip = get_ipython()
sys.displayhook = lambda value: print("[0.105, 0.25, 0.105]")
ip.display_formatter.formatters["text/plain"].for_type(object, lambda obj, p, cycle: p.text("'[0.105, 0.25, 0.105]'"))
ip.display_formatter.format = lambda obj, **k: ({"text/plain": "'[0.105, 0.25, 0.105]'"}, {})
""",
    "cheat-kill-runner": """
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
""",
    "cheat-forge-result": """
import os, json
fake = json.dumps({"status": "ok", "cells": [], "checks": {f"q{i}-{j}": {"json": "6"} for i in range(1, 5) for j in range(1, 5)}})
for fd in range(1, 3):
    try:
        with open(f"/proc/{os.getppid()}/fd/{fd}", "w") as f:
            f.write(("0" * 32) + " " + fake + "\\n")
    except OSError:
        pass
""",
    "cheat-process-flood": """
import subprocess
children = []
while True:
    children.append(subprocess.Popen(["sleep", "600"]))
""",
}


# q4's search for the depth, as a loop that even an interrupt would not stop.
LOOP_IGNORING_INTERRUPTS = """for depth in __import__("itertools").repeat(2):
    try:
        __import__("time").sleep(0.05)
    except KeyboardInterrupt:
        continue"""

# Tries to write 3 GB into every place it might, then once more without catching the error.
DISK_FILL_GB = 3
DISK_FILL = f"""
import os
chunk = b"x" * 2**24
for folder in ["/submission", "/tmp", os.path.expanduser("~"), "/dev/shm", "/var/tmp", "."]:
    try:
        with open(os.path.join(folder, "fill.bin"), "ab") as f:
            for _ in range({DISK_FILL_GB} * 64):
                f.write(chunk)
    except OSError:
        pass
for fd in (1, 2):  # the runner's output, which the grader reads
    try:
        with open(f"/proc/{{os.getppid()}}/fd/{{fd}}", "wb") as f:
            for _ in range(16):
                f.write(chunk)
    except OSError:
        pass
with open("last.bin", "wb") as f:
    f.write(chunk)
"""


def batch(folder: Path, lab_id: str, solutions: Path) -> dict[str, dict]:
    """Write the submissions of the big batch; return each file's expected scores and status."""
    good = solved(lab_id)
    untouched = lab_notebook(lab_id)
    full = auto_points(lab_id)
    zero = dict.fromkeys(full, 0)
    cases: dict[str, tuple[dict | str, dict, str]] = {
        "solved": (good, full, "ok"),
        "untouched": (untouched, zero, "ok"),
        "partly-wrong": (
            replace_in(replace_in(good, "return s * (1 - s)", "return s"),
                       "vanishing_depth = depth", "vanishing_depth = depth + 9"),
            {**full, "q1": 0, "q4": 0}, "ok",
        ),
        "partly-init": (
            replace_in(good, "return float(np.sqrt(2.0 / fan_in))",
                       "return float(np.sqrt(2.0 / (fan_in + fan_out)))"),
            {**full, "q2": 2 / 3}, "ok",
        ),
        "malformed-json": ('{"cells": [', zero, "invalid-notebook"),
        "no-metadata": ({k: v for k, v in good.items() if k != "metadata"}, full, "ok"),
        "syntax-error": (replace_in(good, "s = torch.sigmoid(z)", "s = torch.sigmoid(z"),
                         {**full, "q1": 0}, "cell-errors"),
        "looping-question": (replace_in(good, "for depth in range(2, 40):", LOOP_IGNORING_INTERRUPTS),
                             {**full, "q4": 0}, "timeout"),
        "looping-test": (replace_in(good, "    s = torch.sigmoid(z)",
                                    "    while z.abs().max() > 30:\n        pass\n    s = torch.sigmoid(z)"),
                         {**full, "q1": 1}, "timeout"),
        "disk-fill": (replace_in(with_cell(good, DISK_FILL, before="grad_norms"), "x_batch, y_batch = x_train",
                                 'open("depths.log", "w").write("depth\\n" * 10**6)\nx_batch, y_batch = x_train'),
                      {**full, "q4": 0}, "disk-quota"),
        "os-exit": (with_cell(good, "import os\nos._exit(1)"), zero, "kernel-died"),
        "huge-allocation": (with_cell(good, "big = np.ones((10**6, 10**6))", before="grad_norms"),
                            full, "memory-limit"),
        "subfolder/solved": (good, full, "ok"),
    }
    for name, code in CHEATS.items():
        cases[name] = (with_cell(untouched, code.replace("{solutions}", str(solutions))), zero, None)
    expected = {}
    for name, (nb, scores, status) in cases.items():
        path = write(folder, f"{name}.ipynb", nb)
        expected[str(path)] = {"scores": scores, "status": status}
    return expected


# Answers of lab 02 (PyTorch) as different students write them, by the id of the answer cell: each
# gets full marks, and no two are copies of each other. "bo-renamed" is bo's with other names,
# comments and spacing: a copy that copy detection must flag.
ANSWERS = {
    "ana": {
        "cell-06": '''def sigmoid_grad(z):
    """The derivative of the sigmoid, elementwise."""
    sig = torch.sigmoid(z)
    return sig - sig * sig
''',
        "cell-17": '''import math


def init_std(fan_in, fan_out, scheme):
    """Standard deviation of the Xavier or He Gaussian for a layer."""
    denominators = {"xavier": fan_in + fan_out, "he": fan_in}
    if scheme not in denominators:
        raise ValueError(scheme)
    return math.sqrt(2 / denominators[scheme])


def init_layer(layer, scheme):
    """Initialize an nn.Linear in place: Gaussian weights, zero bias."""
    std = init_std(layer.in_features, layer.out_features, scheme)
    nn.init.normal_(layer.weight, mean=0.0, std=std)
    nn.init.zeros_(layer.bias)
''',
        "cell-29": '''def grad_norms(model, x, y):
    """Frobenius norm of dLoss/dW for each Linear layer, input side first."""
    dev = tw.device()
    for p in model.parameters():
        p.grad = None
    out = model(torch.from_numpy(np.asarray(x, dtype=np.float32)).to(dev))
    targets = torch.from_numpy(np.asarray(y)).long().to(dev)
    nn.CrossEntropyLoss()(out, targets).backward()
    result = []
    for module in model.modules():
        if isinstance(module, nn.Linear):
            result.append(torch.linalg.norm(module.weight.grad).item())
    return result
''',
        "cell-39": '''x_train, y_train, _, _ = data.digits(seed=7)
x_batch, y_batch = x_train[:200], y_train[:200]
depth_ratios = {}  # depth -> first layer's gradient norm / last layer's
vanishing_depth = None  # replace by your answer
depth = 2
while vanishing_depth is None and depth < 40:
    tw.set_seed(200 + depth)
    net = tw.mlp([64] + [32] * depth + [10], activation="sigmoid", init="xavier")
    g = grad_norms(net, x_batch, y_batch)
    depth_ratios[depth] = g[0] / g[-1]
    if depth_ratios[depth] < 1e-4:
        vanishing_depth = depth
    depth += 1
print("first layer below 1e-4 of the last at depth", vanishing_depth)
''',
    },
    "bo": {
        "cell-06": '''def sigmoid_grad(z):
    """The derivative of the sigmoid, elementwise."""
    return torch.sigmoid(z) * (1.0 - torch.sigmoid(z))
''',
        "cell-17": '''def init_std(fan_in, fan_out, scheme):
    """Standard deviation of the Xavier or He Gaussian for a layer."""
    if scheme == "he":
        variance = 2.0 / fan_in
    elif scheme == "xavier":
        variance = 2.0 / (fan_in + fan_out)
    else:
        raise ValueError("scheme must be xavier or he")
    return float(variance ** 0.5)


def init_layer(layer, scheme):
    """Initialize an nn.Linear in place: Gaussian weights, zero bias."""
    rows, cols = layer.weight.shape
    sd = init_std(cols, rows, scheme)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(rows, cols) * sd)
        layer.bias.fill_(0.0)
''',
        "cell-29": '''def grad_norms(model, x, y):
    """Frobenius norm of dLoss/dW for each Linear layer, input side first."""
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    for lin in linears:
        lin.weight.grad = None
    xt = torch.tensor(x, dtype=torch.float32, device=tw.device())
    yt = torch.tensor(y, dtype=torch.int64, device=tw.device())
    loss = torch.nn.functional.cross_entropy(model(xt), yt)
    grads = torch.autograd.grad(loss, [lin.weight for lin in linears])
    return [float(torch.sqrt((g ** 2).sum())) for g in grads]
''',
        "cell-39": '''x_train, y_train, _, _ = data.digits(seed=7)
x_batch, y_batch = x_train[:200], y_train[:200]
depth_ratios = {}
vanishing_depth = None  # replace by your answer
for d in range(2, 40):
    tw.set_seed(200 + d)
    ratio_model = tw.mlp([64] + [32] * d + [10], activation="sigmoid", init="xavier")
    first, *_, last = grad_norms(ratio_model, x_batch, y_batch)
    depth_ratios[d] = first / last
    if first < 1e-4 * last:
        vanishing_depth = int(d)
        break
print("first layer below 1e-4 of the last at depth", vanishing_depth)
''',
    },
    "chen": {
        "cell-06": '''def sigmoid_grad(z):
    """The derivative of the sigmoid, elementwise."""
    # sigma'(z) = sigma(z) (1 - sigma(z)) = sigma(z) sigma(-z)
    return torch.mul(torch.sigmoid(z), torch.sigmoid(-z))
''',
        "cell-17": '''def init_std(fan_in, fan_out, scheme):
    """Standard deviation of the Xavier or He Gaussian for a layer."""
    total = {"xavier": fan_in + fan_out, "he": fan_in}.get(scheme)
    assert total is not None, f"unknown scheme {scheme}"
    return float(np.sqrt(2.0) / np.sqrt(total))


def init_layer(layer, scheme):
    """Initialize an nn.Linear in place: Gaussian weights, zero bias."""
    s = init_std(layer.weight.size(1), layer.weight.size(0), scheme)
    torch.nn.init.normal_(layer.weight, 0, s)
    torch.nn.init.constant_(layer.bias, 0)
''',
        "cell-29": '''def grad_norms(model, x, y):
    """Frobenius norm of dLoss/dW for each Linear layer, input side first."""
    model.zero_grad(set_to_none=True)
    device = tw.device()
    pred = model(torch.as_tensor(x).float().to(device))
    nll = torch.nn.functional.cross_entropy(pred, torch.as_tensor(y).to(device).long())
    nll.backward()
    return [m.weight.grad.norm(p="fro").item() for m in model.modules() if type(m) is nn.Linear]
''',
        "cell-39": '''x_train, y_train, _, _ = data.digits(seed=7)
x_batch, y_batch = x_train[:200], y_train[:200]
vanishing_depth = None  # replace by your answer
depth_ratios = {}
for n_hidden in range(2, 40):
    tw.set_seed(200 + n_hidden)
    norms = grad_norms(tw.mlp([64] + [32] * n_hidden + [10], activation="sigmoid", init="xavier"),
                       x_batch, y_batch)
    depth_ratios[n_hidden] = norms[0] / norms[-1]
    if depth_ratios[n_hidden] < 0.0001:
        break
vanishing_depth = min(k for k, r in depth_ratios.items() if r < 0.0001)
print("first layer below 1e-4 of the last at depth", vanishing_depth)
''',
    },
    "bo-renamed": {
        "cell-06": '''def sigmoid_grad(z):
    """The derivative of the sigmoid, elementwise."""
    # product rule on the logistic function
    return torch.sigmoid(z) * (1.0 - torch.sigmoid(z))
''',
        "cell-17": '''def init_std(fan_in, fan_out, scheme):
    """Standard deviation of the Xavier or He Gaussian for a layer."""
    if scheme == "he":
        var = 2.0 / fan_in
    elif scheme == "xavier":
        var = 2.0 / (fan_in + fan_out)
    else:
        raise ValueError("unknown initialization")
    return float(var ** 0.5)


def init_layer(layer, scheme):
    """Initialize an nn.Linear in place: Gaussian weights, zero bias."""
    n_out, n_in = layer.weight.shape
    sigma = init_std(n_in, n_out, scheme)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(n_out, n_in) * sigma)  # Gaussian weights
        layer.bias.fill_(0.0)
''',
        "cell-29": '''def grad_norms(model, x, y):
    """Frobenius norm of dLoss/dW for each Linear layer, input side first."""
    layers = [mod for mod in model.modules() if isinstance(mod, nn.Linear)]
    for layer in layers:
        layer.weight.grad = None
    inputs = torch.tensor(x, dtype=torch.float32, device=tw.device())
    labels = torch.tensor(y, dtype=torch.int64, device=tw.device())
    cost = torch.nn.functional.cross_entropy(model(inputs), labels)
    gradients = torch.autograd.grad(cost, [layer.weight for layer in layers])
    return [float(torch.sqrt((grad ** 2).sum())) for grad in gradients]
''',
        "cell-39": '''x_train, y_train, _, _ = data.digits(seed=7)
x_batch, y_batch = x_train[:200], y_train[:200]
depth_ratios = {}
vanishing_depth = None  # replace by your answer
for n in range(2, 40):
    tw.set_seed(200 + n)
    net = tw.mlp([64] + [32] * n + [10], activation="sigmoid", init="xavier")
    head, *_, tail = grad_norms(net, x_batch, y_batch)
    depth_ratios[n] = head / tail
    if head < 1e-4 * tail:  # vanished
        vanishing_depth = int(n)
        break
print("first layer below 1e-4 of the last at depth", vanishing_depth)
''',
    },
}


def answered(lab_id: str, answers: dict[str, str]) -> dict:
    """The student lab with the answer cells of ``answers`` (by cell id) filled in."""
    nb = lab_notebook(lab_id)
    found = set()
    for cell in nb["cells"]:
        if cell["id"] in answers:
            cell["source"] = answers[cell["id"]]
            found.add(cell["id"])
    assert found == set(answers), f"no cells {set(answers) - found} in {lab_id}"
    return nb

# Question 6 (greedy layer-wise pretraining), in each student's own words.
_BO_PRETRAINING = {
    "cell-56": '''def pretrain_layer(codes, n_code, seed):
    """Train one autoencoder on codes; its encoder's W, b and the codes the encoder gives."""
    n_features = codes.shape[1]
    tw.set_seed(seed)
    net = tw.mlp([n_features, n_code, n_features], activation="sigmoid")
    tw.fit(net, codes, codes, loss="mse", optimizer="adam", lr=0.02, steps=100,
           batch_size=32, seed=seed, progress_bar=False)
    weights = tw.get_weights(net)
    enc_w, enc_b = weights[0]
    out = torch.sigmoid(torch.as_tensor(codes @ enc_w + enc_b))
    return enc_w, enc_b, out.numpy()
''',
    "cell-57": '''def pretrained_mlp(x, widths, seed):
    """A sigmoid MLP whose hidden layers are greedily pretrained encoders; its output layer random."""
    pretrained = []
    data_in = x
    i = 0
    while i < len(widths) - 2:
        w, b, data_in = pretrain_layer(data_in, widths[i + 1], seed + i)
        pretrained.append((w, b))
        i += 1
    tw.set_seed(seed)
    model = tw.mlp(widths, activation="sigmoid", init="xavier")
    tw.set_weights(model, pretrained + tw.get_weights(model)[len(pretrained):])
    return model
''',
}
ANSWERS["ana"] |= {
    "cell-56": '''def pretrain_layer(codes, n_code, seed):
    """Train one autoencoder on codes; its encoder's W, b and the codes the encoder gives."""
    tw.set_seed(seed)
    ae = tw.mlp([codes.shape[1], n_code, codes.shape[1]], activation="sigmoid")
    tw.fit(ae, codes, codes, loss="mse", optimizer="adam", lr=0.02, steps=100, batch_size=32,
           seed=seed, progress_bar=False)
    (w, b), _ = tw.get_weights(ae)
    hidden = torch.sigmoid(torch.from_numpy(codes @ w + b))
    return w, b, hidden.numpy()
''',
    "cell-57": '''def pretrained_mlp(x, widths, seed):
    """A sigmoid MLP whose hidden layers are greedily pretrained encoders; its output layer random."""
    layers, h = [], x
    for k in range(1, len(widths) - 1):
        w, b, h = pretrain_layer(h, widths[k], seed + k - 1)
        layers.append((w, b))
    tw.set_seed(seed)
    net = tw.mlp(widths, activation="sigmoid", init="xavier")
    head = tw.get_weights(net)[-1]
    tw.set_weights(net, layers + [head])
    return net
''',
}
ANSWERS["bo"] |= _BO_PRETRAINING
ANSWERS["bo-renamed"] |= {
    cell: re.sub(r"\bpretrained\b(?! encoders)", "stacked", code).replace("data_in", "feats")
    .replace("enc_", "e_") for cell, code in _BO_PRETRAINING.items()
}
ANSWERS["chen"] |= {
    "cell-56": '''def pretrain_layer(codes, n_code, seed):
    """Train one autoencoder on codes; its encoder's W, b and the codes the encoder gives."""
    tw.set_seed(seed)
    dims = [codes.shape[-1], n_code, codes.shape[-1]]
    model = tw.mlp(dims, activation="sigmoid")
    tw.fit(model, codes, codes, loss="mse", optimizer="adam", lr=0.02, steps=100, batch_size=32,
           seed=seed, progress_bar=False)
    first = tw.get_weights(model)[0]
    pre = codes @ first[0] + first[1]
    return first[0], first[1], torch.sigmoid(torch.as_tensor(pre)).numpy()
''',
    "cell-57": '''def pretrained_mlp(x, widths, seed):
    """A sigmoid MLP whose hidden layers are greedily pretrained encoders; its output layer random."""
    stack, inputs = [], x
    for offset, size in enumerate(widths[1:-1]):
        *wb, inputs = pretrain_layer(inputs, size, seed + offset)
        stack.append(tuple(wb))
    tw.set_seed(seed)
    mlp = tw.mlp(widths, activation="sigmoid", init="xavier")
    tw.set_weights(mlp, stack + [tw.get_weights(mlp)[-1]])
    return mlp
''',
}
