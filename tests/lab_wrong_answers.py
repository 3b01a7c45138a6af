"""A typical wrong answer to each auto-graded question of each lab, and the message its public
checks must give. Each is code run after the solution's cells, replacing the question's answer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WrongAnswer:
    lab: str  # the master's stem without the framework, e.g. "02-vanishing-exploding"
    question: str
    mistake: str  # the slip, in a few words (the test's id)
    code: str | dict[str, str]  # one code for both frameworks, or one per framework
    message: str | dict[str, str]  # a fragment of the first failing public check's message

    then: str = ""  # code for both frameworks, run after ``code`` (e.g. the experiment)

    def code_for(self, framework: str) -> str:
        return (self.code if isinstance(self.code, str) else self.code[framework]) + self.then

    def message_for(self, framework: str) -> str:
        return self.message if isinstance(self.message, str) else self.message[framework]


WRONG_ANSWERS = [
    WrongAnswer("02-vanishing-exploding", "q1", "sigmoid-itself", {
        "pytorch": "def sigmoid_grad(z):\n    return torch.sigmoid(z)\n",
        "tensorflow": "def sigmoid_grad(z):\n    return tf.sigmoid(z)\n",
    }, "sigmoid_grad(0) should be σ(0)(1 − σ(0)) = 1/4"),
    WrongAnswer("02-vanishing-exploding", "q1", "exp-by-hand", {
        "pytorch": "def sigmoid_grad(z):\n    e = torch.exp(-z)\n    return e / (1 + e) ** 2\n",
        "tensorflow": "def sigmoid_grad(z):\n    e = tf.exp(-z)\n    return e / (1 + e) ** 2\n",
    }, "NaN or inf at z = ±100"),
    WrongAnswer("02-vanishing-exploding", "q2", "fans-swapped", {
        "pytorch": (
            "def init_layer(layer, scheme):\n"
            "    fan_in, fan_out = layer.weight.shape\n"
            "    with torch.no_grad():\n"
            "        layer.weight.normal_(0.0, init_std(fan_in, fan_out, scheme))\n"
            "        layer.bias.zero_()\n"
        ),
        "tensorflow": (
            "def init_layer(layer, scheme):\n"
            "    fan_out, fan_in = layer.kernel.shape\n"
            "    layer.kernel.assign(tf.random.normal(layer.kernel.shape, stddev=init_std(fan_in, fan_out, scheme)))\n"
            "    layer.bias.assign(tf.zeros(layer.bias.shape))\n"
        ),
    }, "matches fan_in = 100"),
    WrongAnswer("02-vanishing-exploding", "q2", "variance-not-std", (
        "def init_std(fan_in, fan_out, scheme):\n"
        "    return 2.0 / (fan_in + fan_out) if scheme == 'xavier' else 2.0 / fan_in\n"
    ), 'init_std(200, 200, "xavier") should be √(2 / (200 + 200))'),
    WrongAnswer("02-vanishing-exploding", "q3", "gradients-accumulate", {
        "pytorch": (
            "def grad_norms(model, x, y):\n"
            "    logits = model(torch.as_tensor(x, dtype=torch.float32))\n"
            "    nn.functional.cross_entropy(logits, torch.as_tensor(y)).backward()\n"
            "    return [float(m.weight.grad.norm()) for m in model.modules() if isinstance(m, nn.Linear)]\n"
        ),
        "tensorflow": (
            "def grad_norms(model, x, y):\n"
            "    layers = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]\n"
            "    with tf.GradientTape() as tape:\n"
            "        loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=model(x)))\n"
            "    return [float(tf.norm(g)) for g in tape.gradient(loss, [layer.kernel for layer in layers])]\n"
        ),
    }, {"pytorch": "were not cleared", "tensorflow": "not the sum"}),
    WrongAnswer("02-vanishing-exploding", "q4", "seeded-once", (
        "depth_ratios, vanishing_depth = {}, None\n"
        "tw.set_seed(200)\n"
        "for depth in range(2, 40):\n"
        "    norms = grad_norms(tw.mlp([64] + [32] * depth + [10], activation='sigmoid', init='xavier'), x_batch, y_batch)\n"
        "    depth_ratios[depth] = norms[0] / norms[-1]\n"
        "    if depth_ratios[depth] < 1e-4:\n"
        "        vanishing_depth = depth\n"
        "        break\n"
    ), "tw.set_seed(200 + depth)"),
    WrongAnswer("02-vanishing-exploding", "q6", "codes-before-the-sigmoid", (
        "def pretrain_layer(codes, n_code, seed):\n"
        "    tw.set_seed(seed)\n"
        "    autoencoder = tw.mlp([codes.shape[1], n_code, codes.shape[1]], activation='sigmoid')\n"
        "    tw.fit(autoencoder, codes, codes, loss='mse', optimizer='adam', lr=0.02, steps=100,\n"
        "           batch_size=32, seed=seed, progress_bar=False)\n"
        "    w, b = tw.get_weights(autoencoder)[0]\n"
        "    return w, b, codes @ w + b\n"
    ), "apply the sigmoid to codes @ W + b"),
    WrongAnswer("02-vanishing-exploding", "q6", "every-layer-on-the-input", (
        "def pretrained_mlp(x, widths, seed):\n"
        "    encoders = [pretrain_layer(x, n_code, seed + i)[:2] for i, n_code in enumerate(widths[1:-1])]\n"
        "    tw.set_seed(seed)\n"
        "    model = tw.mlp(widths, activation='sigmoid', init='xavier')\n"
        "    tw.set_weights(model, encoders + tw.get_weights(model)[-1:])\n"
        "    return model\n"
    ), "each layer learns from the codes of the layer below, not from x"),
]

WRONG_ANSWERS += [
    WrongAnswer("01-generalization", "q1", "no-factorial", {
        "pytorch": "def poly_features(x, degree):\n    return x[:, None] ** torch.arange(degree + 1, dtype=x.dtype)\n",
        "tensorflow": "def poly_features(x, degree):\n    return x[:, None] ** tf.range(degree + 1, dtype=x.dtype)\n",
    }, "divide column i by i!"),
    WrongAnswer("01-generalization", "q2", "weights-2d", {
        "pytorch": (
            "def fit_polynomial(x_train, y_train, x_test, y_test, degree):\n"
            "    a_train, a_test = poly_features(x_train, degree), poly_features(x_test, degree)\n"
            "    w = torch.linalg.lstsq(a_train, y_train[:, None], driver='gelsd').solution\n"
            "    return w, float(torch.mean((a_train @ w - y_train) ** 2)), float(torch.mean((a_test @ w - y_test) ** 2))\n"
        ),
        "tensorflow": (
            "def fit_polynomial(x_train, y_train, x_test, y_test, degree):\n"
            "    a_train, a_test = poly_features(x_train, degree), poly_features(x_test, degree)\n"
            "    w = tf.linalg.lstsq(a_train, y_train[:, None], fast=False)\n"
            "    return w, float(tf.reduce_mean((a_train @ w - y_train) ** 2)), float(tf.reduce_mean((a_test @ w - y_test) ** 2))\n"
        ),
    }, "has shape (4, 1), expected (4,)"),
    WrongAnswer("01-generalization", "q3", "training-loss-as-cv", {
        "pytorch": (
            "def cv_loss(x, y, degree, k, seed):\n"
            "    losses = []\n"
            "    for tr, va in kfold_indices(len(y), k, seed):\n"
            "        tr = torch.as_tensor(tr)\n"
            "        losses.append(fit_polynomial(x[tr], y[tr], x[tr], y[tr], degree)[2])\n"
            "    return float(np.mean(losses))\n"
            "cv_losses = {degree: cv_loss(x_train, y_train, degree, 5, 3) for degree in DEGREES}\n"
            "best_degree = min(cv_losses, key=cv_losses.get)\n"
        ),
        "tensorflow": (
            "def cv_loss(x, y, degree, k, seed):\n"
            "    losses = []\n"
            "    for tr, va in kfold_indices(len(y), k, seed):\n"
            "        losses.append(fit_polynomial(tf.gather(x, tr), tf.gather(y, tr), tf.gather(x, tr), tf.gather(y, tr), degree)[2])\n"
            "    return float(np.mean(losses))\n"
            "cv_losses = {degree: cv_loss(x_train, y_train, degree, 5, 3) for degree in DEGREES}\n"
            "best_degree = min(cv_losses, key=cv_losses.get)\n"
        ),
    }, "average the losses on the validation indices"),
    WrongAnswer("01-generalization", "q4", "no-rescaling", {
        "pytorch": (
            "def dropout(x, p, training, rng):\n"
            "    if not training:\n"
            "        return x\n"
            "    return x * torch.as_tensor(rng.random(tuple(x.shape)) >= p).to(x.dtype)\n"
        ),
        "tensorflow": (
            "def dropout(x, p, training, rng):\n"
            "    if not training:\n"
            "        return x\n"
            "    return x * tf.cast(rng.random(tuple(x.shape)) >= p, x.dtype)\n"
        ),
    }, "scale the kept entries by 1/(1 − p)"),
    WrongAnswer("01-generalization", "q5", "bias-penalized", {
        "pytorch": (
            "def train_weight_decay(x, y, w0, lam, lr=0.01, steps=300):\n"
            "    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)\n"
            "    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)\n"
            "    for _ in range(steps):\n"
            "        loss = ((x @ w + b - y) ** 2).mean() / 2 + lam / 2 * ((w**2).sum() + (b**2).sum())\n"
            "        grad_w, grad_b = torch.autograd.grad(loss, [w, b])\n"
            "        with torch.no_grad():\n"
            "            w -= lr * grad_w\n"
            "            b -= lr * grad_b\n"
            "    return w.detach(), b.detach()\n"
        ),
        "tensorflow": (
            "def train_weight_decay(x, y, w0, lam, lr=0.01, steps=300):\n"
            "    w = tf.Variable(tf.constant(w0, tf.float64))\n"
            "    b = tf.Variable(tf.zeros([1], tf.float64))\n"
            "    for _ in range(steps):\n"
            "        with tf.GradientTape() as tape:\n"
            "            loss = tf.reduce_mean((x @ w + b - y) ** 2) / 2 + lam / 2 * (tf.reduce_sum(w**2) + tf.reduce_sum(b**2))\n"
            "        grad_w, grad_b = tape.gradient(loss, [w, b])\n"
            "        w.assign_sub(lr * grad_w)\n"
            "        b.assign_sub(lr * grad_b)\n"
            "    return tf.constant(w), tf.constant(b)\n"
        ),
    }, "the bias is not penalized"),
]

WRONG_ANSWERS += [
    WrongAnswer("01-generalization", "q7", "ratio-upside-down", (
        "def importance_weights(x_train, x_test):\n"
        "    z = np.r_[np.zeros(len(x_train)), np.ones(len(x_test))]\n"
        "    domain = LogisticRegression().fit(domain_features(np.r_[x_train, x_test]), z)\n"
        "    p_test = domain.predict_proba(domain_features(x_train))[:, 1]\n"
        "    return (1 - p_test) / p_test * len(x_test) / len(x_train)\n"
    ), "is the ratio P(z = 1 | x) / P(z = 0 | x)?"),
    WrongAnswer("01-generalization", "q8", "confusion-transposed", (
        "def label_shift_weights(y_held, pred_held, pred_test, n_classes):\n"
        "    confusion = np.zeros((n_classes, n_classes))\n"
        "    np.add.at(confusion, (y_held, pred_held), 1 / len(y_held))\n"
        "    mu = np.bincount(pred_test, minlength=n_classes) / len(pred_test)\n"
        "    return np.clip(np.linalg.solve(confusion, mu), 0, None)\n"
    ), "not the other way round"),
    WrongAnswer("01-generalization", "q9", "own-statistics", (
        "def standardize(x_train, x_other):\n"
        "    scale = lambda x: (x - x.mean(axis=0)) / np.where(x.std(axis=0) > 0, x.std(axis=0), 1)\n"
        "    return scale(x_train), scale(x_other)\n"
    ), "use the training set's mean and standard deviation"),
    WrongAnswer("01-generalization", "q10", "zero-based-epochs", (
        "def early_stopping(val_losses, patience):\n"
        "    best_epoch, best = 0, float('inf')\n"
        "    for epoch, loss in enumerate(val_losses):\n"
        "        if loss < best:\n"
        "            best_epoch, best = epoch, loss\n"
        "        if epoch - best_epoch == patience:\n"
        "            return best_epoch, epoch\n"
        "    return best_epoch, len(val_losses) - 1\n"
    ), "epochs counted from 1"),
    WrongAnswer("03-gradient-clipping", "q1", "cosine-of-clipped-only", {
        "pytorch": (
            "def value_clip_cosine(g, c):\n"
            "    b = clip_by_value(g, -c, c).reshape(-1)\n"
            "    return float(b @ b / (torch.linalg.vector_norm(b) * torch.linalg.vector_norm(b)))\n"
        ),
        "tensorflow": (
            "def value_clip_cosine(g, c):\n"
            "    b = tf.reshape(clip_by_value(g, -c, c), [-1])\n"
            "    return float(tf.reduce_sum(b * b) / (tf.norm(b) * tf.norm(b)))\n"
        ),
    }, "their cosine is 5 / (√17 · √2)"),
    WrongAnswer("03-gradient-clipping", "q2", "always-rescaled", {
        "pytorch": "def clip_by_norm(t, max_norm):\n    return t * max_norm / torch.linalg.vector_norm(t)\n",
        "tensorflow": "def clip_by_norm(t, max_norm):\n    return t * max_norm / tf.norm(t)\n",
    }, "a tensor within max_norm should come back unchanged"),
    WrongAnswer("03-gradient-clipping", "q7", "whole-matrix-by-its-norm", {
        "pytorch": "def max_norm_project(w, c):\n    return w * (c / torch.clamp_min(torch.linalg.vector_norm(w), c))\n",
        "tensorflow": "def max_norm_project(w, c):\n    return w * (c / tf.maximum(tf.norm(w), c))\n",
    }, "each column is projected on its own, not the whole matrix by its norm"),
    WrongAnswer("03-gradient-clipping", "q3", "each-by-its-own-norm", (
        "def clip_by_global_norm(tensors, max_norm):\n"
        "    total = float(sum(float((np.asarray(t) ** 2).sum()) for t in tensors) ** 0.5)\n"
        "    return [clip_by_norm(t, max_norm) for t in tensors], total\n"
    ), "every tensor should be scaled by the same factor"),
    WrongAnswer("03-gradient-clipping", "q4", "norm-after-clipping", {
        "pytorch": (
            "def sgd_step(params, x, y, lr, max_norm=None):\n"
            "    loss = torch.mean((forward(params, x) - y) ** 2)\n"
            "    grads = torch.autograd.grad(loss, params)\n"
            "    if max_norm is not None:\n"
            "        grads, _ = clip_by_global_norm(grads, max_norm)\n"
            "    global_norm = float(torch.sqrt(sum(torch.sum(g * g) for g in grads)))\n"
            "    with torch.no_grad():\n"
            "        for p, g in zip(params, grads):\n"
            "            p -= lr * g\n"
            "    return loss.item(), global_norm\n"
        ),
        "tensorflow": (
            "def sgd_step(params, x, y, lr, max_norm=None):\n"
            "    with tf.GradientTape() as tape:\n"
            "        loss = tf.reduce_mean(tf.square(forward(params, x) - y))\n"
            "    grads = tape.gradient(loss, params)\n"
            "    if max_norm is not None:\n"
            "        grads, _ = clip_by_global_norm(grads, max_norm)\n"
            "    global_norm = float(tf.sqrt(tf.add_n([tf.reduce_sum(g * g) for g in grads])))\n"
            "    for p, g in zip(params, grads):\n"
            "        p.assign_sub(lr * g)\n"
            "    return float(loss), global_norm\n"
        ),
    }, "the one before clipping, not after"),
    WrongAnswer("03-gradient-clipping", "q5", "parameters-shared-by-the-runs", {
        "pytorch": (
            "_shared = init_params(0.25, 33)\n"
            "def train(max_norm):\n"
            "    for idx in batches(len(X), 128, 200, 33):\n"
            "        idx = torch.as_tensor(idx)\n"
            "        sgd_step(_shared, X[idx], Y[idx], 0.2, max_norm)\n"
            "    with torch.no_grad():\n"
            "        return float(torch.mean((forward(_shared, X) - Y) ** 2))\n"
        ),
        "tensorflow": (
            "_shared = init_params(0.25, 33)\n"
            "def train(max_norm):\n"
            "    for idx in batches(int(X.shape[0]), 128, 200, 33):\n"
            "        sgd_step(_shared, tf.gather(X, idx), tf.gather(Y, idx), 0.2, max_norm)\n"
            "    return float(tf.reduce_mean(tf.square(forward(_shared, X) - Y)))\n"
        ),
    }, "no clipped run ends below constant_loss", then=(
        "final_losses = {c: train(c) for c in [None] + THRESHOLDS}\n"
        "best_threshold = min(THRESHOLDS, key=lambda c: final_losses[c] if np.isfinite(final_losses[c]) else np.inf)\n"
    )),
]

WRONG_ANSWERS += [
    WrongAnswer("04-batch-norm", "q1", "unbiased-variance", {
        "pytorch": (
            "def bn_forward_train(x, gamma, beta, eps):\n"
            "    return gamma * (x - x.mean(dim=0)) / torch.sqrt(x.var(dim=0) + eps) + beta\n"
        ),
        "tensorflow": (
            "def bn_forward_train(x, gamma, beta, eps):\n"
            "    m = tf.cast(tf.shape(x)[0], x.dtype)\n"
            "    var = tf.reduce_sum(tf.square(x - tf.reduce_mean(x, 0)), 0) / (m - 1)\n"
            "    return gamma * (x - tf.reduce_mean(x, 0)) / tf.sqrt(var + eps) + beta\n"
        ),
    }, "divides by the batch size m"),
    WrongAnswer("04-batch-norm", "q2", "momentum-reversed", {
        "pytorch": (
            "def update_running_stats(running_mean, running_var, x, momentum):\n"
            "    mean, var = x.mean(dim=0), x.var(dim=0)\n"
            "    return momentum * running_mean + (1 - momentum) * mean, momentum * running_var + (1 - momentum) * var\n"
        ),
        "tensorflow": (
            "def update_moving_stats(moving_mean, moving_variance, x, momentum):\n"
            "    mean, var = tf.reduce_mean(x, 0), tf.math.reduce_variance(x, 0)\n"
            "    return (1 - momentum) * moving_mean + momentum * mean, (1 - momentum) * moving_variance + momentum * var\n"
        ),
    }, "check which of the old average and the batch's mean momentum weighs"),
    WrongAnswer("04-batch-norm", "q3", "batch-statistics", {
        "pytorch": (
            "def bn_forward_eval(x, running_mean, running_var, gamma, beta, eps):\n"
            "    return bn_forward_train(x, gamma, beta, eps)\n"
        ),
        "tensorflow": (
            "def bn_forward_eval(x, moving_mean, moving_variance, gamma, beta, eps):\n"
            "    return bn_forward_train(x, gamma, beta, eps)\n"
        ),
    }, "should be (0, 5)"),
    WrongAnswer("04-batch-norm", "q4", "ratios-inverted", (
        "ratios = {key: [1 / v for v in values] for key, values in ratios.items()}\n"
    ), "ratios['w_bn'] should be [value at 0.2 / value at 1"),
]

WRONG_ANSWERS += [
    WrongAnswer("05-resnet", "q1", "relu-after-the-sum", {
        "pytorch": (
            "class ResidualBlock(nn.Module):\n"
            "    def __init__(self, width):\n"
            "        super().__init__()\n"
            "        self.linear1 = nn.Linear(width, width)\n"
            "        self.linear2 = nn.Linear(width, width)\n"
            "    def forward(self, x):\n"
            "        return torch.relu(x + self.linear2(torch.relu(self.linear1(x))))\n"
        ),
        "tensorflow": (
            "class ResidualBlock(keras.layers.Layer):\n"
            "    def __init__(self, width):\n"
            "        super().__init__()\n"
            "        self.dense1 = keras.layers.Dense(width)\n"
            "        self.dense2 = keras.layers.Dense(width)\n"
            "    def call(self, x):\n"
            "        return tf.nn.relu(x + self.dense2(tf.nn.relu(self.dense1(x))))\n"
        ),
    }, "apply no activation after the sum"),
    WrongAnswer("05-resnet", "q2", "shortcut-with-bias", {
        "pytorch": (
            "class ProjectionBlock(nn.Module):\n"
            "    def __init__(self, d_in, d_out):\n"
            "        super().__init__()\n"
            "        self.linear1 = nn.Linear(d_in, d_out)\n"
            "        self.linear2 = nn.Linear(d_out, d_out)\n"
            "        self.shortcut = nn.Linear(d_in, d_out)\n"
            "    def forward(self, x):\n"
            "        return self.shortcut(x) + self.linear2(torch.relu(self.linear1(x)))\n"
        ),
        "tensorflow": (
            "class ProjectionBlock(keras.layers.Layer):\n"
            "    def __init__(self, d_in, d_out):\n"
            "        super().__init__()\n"
            "        self.dense1 = keras.layers.Dense(d_out)\n"
            "        self.dense2 = keras.layers.Dense(d_out)\n"
            "        self.shortcut = keras.layers.Dense(d_out)\n"
            "    def call(self, x):\n"
            "        return self.shortcut(x) + self.dense2(tf.nn.relu(self.dense1(x)))\n"
        ),
    }, "the shortcut should have no bias"),
    WrongAnswer("05-resnet", "q3", "wrong-layer-zeroed", {
        "pytorch": (
            "def zero_branch_stack(depth, width):\n"
            "    stack = nn.Sequential(*[ResidualBlock(width) for _ in range(depth)])\n"
            "    with torch.no_grad():\n"
            "        for block in stack:\n"
            "            block.linear1.weight.zero_()\n"
            "            block.linear1.bias.zero_()\n"
            "    return stack\n"
        ),
        "tensorflow": (  # Keras' Dense biases start at zero: forgetting to zero the kernels is the slip
            "def zero_branch_stack(depth, width):\n"
            "    return keras.Sequential([keras.Input((width,))] + [ResidualBlock(width) for _ in range(depth)])\n"
        ),
    }, "zero both the"),
    WrongAnswer("05-resnet", "q4", "default-residual-init", {
        "pytorch": (
            "def make_net(depth, residual, width=32):\n"
            "    blocks = [ResidualBlock(width) if residual else nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, width))\n"
            "              for _ in range(depth)]\n"
            "    return nn.Sequential(nn.Linear(64, width), *blocks, nn.Linear(width, 10))\n"
        ),
        "tensorflow": (
            "def make_net(depth, residual, width=32):\n"
            "    blocks = [ResidualBlock(width) if residual else keras.Sequential([keras.layers.Dense(width, activation='relu'), keras.layers.Dense(width)])\n"
            "              for _ in range(depth)]\n"
            "    return keras.Sequential([keras.Input((64,)), keras.layers.Dense(width), *blocks, keras.layers.Dense(10)])\n"
        ),
    }, "should start as the identity path"),
    WrongAnswer("05-resnet", "q4", "gradient-ascent", {
        "pytorch": (
            "def train(model, x, y, steps, lr):\n"
            "    x, y = torch.as_tensor(x), torch.as_tensor(y)\n"
            "    losses = []\n"
            "    for _ in range(steps + 1):\n"
            "        loss = nn.functional.cross_entropy(model(x), y)\n"
            "        grads = torch.autograd.grad(loss, list(model.parameters()))\n"
            "        with torch.no_grad():\n"
            "            for p, g in zip(model.parameters(), grads):\n"
            "                p += lr * g\n"
            "        losses.append(loss.item())\n"
            "    return losses\n"
        ),
        "tensorflow": (
            "def train(model, x, y, steps, lr):\n"
            "    losses = []\n"
            "    for _ in range(steps + 1):\n"
            "        with tf.GradientTape() as tape:\n"
            "            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=model(x)))\n"
            "        for v, g in zip(model.trainable_variables, tape.gradient(loss, model.trainable_variables)):\n"
            "            v.assign_add(lr * g)\n"
            "        losses.append(float(loss))\n"
            "    return losses\n"
        ),
    }, "step against the gradient"),
]

WRONG_ANSWERS += [
    WrongAnswer("06-rnn-lstm-gru", "q1", "last-state-only", {
        "pytorch": (
            "def rnn_forward(x, p):\n"
            "    h = torch.zeros(x.shape[0], p['W_h'].shape[0])\n"
            "    for t in range(x.shape[1]):\n"
            "        h = torch.tanh(x[:, t] @ p['W_x'] + h @ p['W_h'] + p['b'])\n"
            "    return h\n"
        ),
        "tensorflow": (
            "def rnn_forward(x, p):\n"
            "    h = tf.zeros([x.shape[0], p['W_h'].shape[0]])\n"
            "    for t in range(x.shape[1]):\n"
            "        h = tf.tanh(x[:, t] @ p['W_x'] + h @ p['W_h'] + p['b'])\n"
            "    return h\n"
        ),
    }, "has shape (4, 3), expected (4, 5, 3)"),
    WrongAnswer("06-rnn-lstm-gru", "q1", "no-recurrence", {
        "pytorch": "def rnn_forward(x, p):\n    return torch.tanh(x @ p['W_x'] + p['b'])\n",
        "tensorflow": "def rnn_forward(x, p):\n    return tf.tanh(x @ p['W_x'] + p['b'])\n",
    }, "feed each state into the next step"),
    WrongAnswer("06-rnn-lstm-gru", "q2", "gate-order-i-g-f-o", {
        "pytorch": (
            "def lstm_cell(x, h, c, p):\n"
            "    i, g, f, o = torch.chunk(x @ p['W_x'] + h @ p['W_h'] + p['b'], 4, dim=-1)\n"
            "    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)\n"
            "    return torch.sigmoid(o) * torch.tanh(c), c\n"
        ),
        "tensorflow": (
            "def lstm_cell(x, h, c, p):\n"
            "    i, g, f, o = tf.split(x @ p['W_x'] + h @ p['W_h'] + p['b'], 4, axis=-1)\n"
            "    c = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)\n"
            "    return tf.sigmoid(o) * tf.tanh(c), c\n"
        ),
    }, "c_new = f ⊙ c + i ⊙ g, with the blocks in the order i, f, g, o"),
    WrongAnswer("06-rnn-lstm-gru", "q3", "update-gate-swapped", {
        "pytorch": (
            "def gru_cell(x, h, p):\n"
            "    a_r, a_z, a_n = torch.chunk(x @ p['W_x'] + p['b'], 3, dim=-1)\n"
            "    u_r, u_z, u_n = torch.chunk(h @ p['W_h'] + p['b_h'], 3, dim=-1)\n"
            "    r, z = torch.sigmoid(a_r + u_r), torch.sigmoid(a_z + u_z)\n"
            "    return z * torch.tanh(a_n + r * u_n) + (1 - z) * h\n"
        ),
        "tensorflow": (
            "def gru_cell(x, h, p):\n"
            "    a_r, a_z, a_n = tf.split(x @ p['W_x'] + p['b'], 3, axis=-1)\n"
            "    u_r, u_z, u_n = tf.split(h @ p['W_h'] + p['b_h'], 3, axis=-1)\n"
            "    r, z = tf.sigmoid(a_r + u_r), tf.sigmoid(a_z + u_z)\n"
            "    return z * tf.tanh(a_n + r * u_n) + (1 - z) * h\n"
        ),
    }, "where z is 1 the state should be copied unchanged"),
    WrongAnswer("06-rnn-lstm-gru", "q4", "forget-bias-dropped", (
        "ratios = dict(ratios)\n"
        "ratios['lstm_fb3'] = grad_ratio('lstm', tensors(make_params('lstm', 2, 24, seed=608)), X_PROBE)\n"
    ), "is forget_bias passed to make_params?"),
    WrongAnswer("06-rnn-lstm-gru", "q5", "unseen-counted-as-zero", {
        "pytorch": (
            "def window_prediction(x, window):\n"
            "    recent = x[:, -window:]\n"
            "    return torch.sum(recent[..., 0] * recent[..., 1], dim=1, keepdim=True)\n"
        ),
        "tensorflow": (
            "def window_prediction(x, window):\n"
            "    recent = x[:, -window:]\n"
            "    return tf.reduce_sum(recent[..., 0] * recent[..., 1], axis=1, keepdims=True)\n"
        ),
    }, "plus 0.5 for the marked step it does not see"),
    WrongAnswer("06-rnn-lstm-gru", "q7", "backward-not-reversed-back", {
        "pytorch": (
            "def birnn_forward(x, p_fwd, p_bwd):\n"
            "    backward = rnn_forward(torch.flip(x, dims=[1]), p_bwd)\n"
            "    return torch.cat([rnn_forward(x, p_fwd), backward], dim=-1)\n"
        ),
        "tensorflow": (
            "def birnn_forward(x, p_fwd, p_bwd):\n"
            "    backward = rnn_forward(tf.reverse(x, axis=[1]), p_bwd)\n"
            "    return tf.concat([rnn_forward(x, p_fwd), backward], axis=-1)\n"
        ),
    }, "at the last step the backward RNN has seen only that step"),
    WrongAnswer("06-rnn-lstm-gru", "q8", "stopped-one-step-late", {
        "pytorch": (
            "def truncated_grad_norms(x, p, k):\n"
            "    x = x.clone().requires_grad_(True)\n"
            "    h = torch.zeros(x.shape[0], p['W_h'].shape[0])\n"
            "    for t in range(x.shape[1]):\n"
            "        if t == x.shape[1] - k + 1:\n"
            "            h = h.detach()\n"
            "        h = torch.tanh(x[:, t] @ p['W_x'] + h @ p['W_h'] + p['b'])\n"
            "    (grad,) = torch.autograd.grad(h.sum(), x)\n"
            "    return grad.square().sum(dim=(0, 2)).sqrt()\n"
        ),
        "tensorflow": (
            "def truncated_grad_norms(x, p, k):\n"
            "    with tf.GradientTape() as tape:\n"
            "        tape.watch(x)\n"
            "        h = tf.zeros([x.shape[0], p['W_h'].shape[0]])\n"
            "        for t in range(x.shape[1]):\n"
            "            if t == x.shape[1] - k + 1:\n"
            "                h = tf.stop_gradient(h)\n"
            "            h = tf.tanh(x[:, t] @ p['W_x'] + h @ p['W_h'] + p['b'])\n"
            "        y = tf.reduce_sum(h)\n"
            "    return tf.sqrt(tf.reduce_sum(tf.square(tape.gradient(y, x)), axis=[0, 2]))\n"
        ),
    }, "with k = 4 the gradient should reach each of the last 4 steps"),
]
