"""Data sets shared bit for bit by the PyTorch and TensorFlow notebooks (NumPy only)."""

from __future__ import annotations

import csv
import math
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "HOUSE_PRICES_DIR",
    "MissingData",
    "Table",
    "adding_problem",
    "diabetes",
    "digits",
    "house_prices",
    "linear_regression",
    "load_mnist",
    "polynomial",
]


def polynomial(
    n_train: int = 20,
    n_test: int = 100,
    max_degree: int = 20,
    coefs=(5.0, 1.2, -3.4, 5.6),
    noise: float = 0.1,
    seed: int = 0,
):
    """Cubic ground truth with features ``x**i / i!`` for ``i < max_degree``.

    Returns ``(features_train, y_train, features_test, y_test)`` in float64;
    the first ``len(coefs)`` features carry the true coefficients.
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_train + n_test, 1))
    powers = np.arange(max_degree)
    scale = np.array([math.factorial(i) for i in powers], dtype=np.float64)
    features = x**powers / scale
    w = np.zeros(max_degree)
    w[: len(coefs)] = coefs
    y = features @ w + rng.normal(scale=noise, size=n_train + n_test)
    return features[:n_train], y[:n_train], features[n_train:], y[n_train:]


def linear_regression(
    n_train: int = 20,
    n_test: int = 100,
    n_features: int = 200,
    noise: float = 0.01,
    seed: int = 0,
):
    """``y = 0.05 + 0.01 * sum(x) + noise``: high-dimensional regression that invites overfitting.

    Returns ``(x_train, y_train, x_test, y_test)`` in float32, ``y`` of shape ``(n, 1)``.
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_train + n_test, n_features)).astype(np.float32)
    y = 0.05 + 0.01 * x.sum(axis=1, keepdims=True)
    y = (y + rng.normal(scale=noise, size=y.shape)).astype(np.float32)
    return x[:n_train], y[:n_train], x[n_train:], y[n_train:]


def digits(
    n_train: int | None = None, test_size: float = 0.25, seed: int = 0, min_std: float = 0.0
):
    """The 8x8 ``load_digits`` images, flattened and standardized with training statistics.

    Returns ``(x_train, y_train, x_test, y_test)``: float32 features and int64 labels.
    ``n_train`` keeps only that many training examples (after the split). ``min_std`` floors each
    pixel's standard deviation (pixels range over 0-16) before dividing by it, so that a pixel that
    is (almost) constant in a small training set does not become huge in the test set.
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    x, y = load_digits(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=test_size, random_state=seed, stratify=y
    )
    if n_train is not None:
        if not 0 < n_train <= len(x_train):
            raise ValueError(f"n_train must be between 1 and {len(x_train)}, got {n_train}")
        x_train, y_train = x_train[:n_train], y_train[:n_train]
    mean = x_train.mean(axis=0)
    std = np.maximum(x_train.std(axis=0), min_std) + 1e-6
    x_train = ((x_train - mean) / std).astype(np.float32)
    x_test = ((x_test - mean) / std).astype(np.float32)
    return x_train, y_train.astype(np.int64), x_test, y_test.astype(np.int64)


def adding_problem(n: int, length: int, seed: int = 0):
    """The adding problem of Hochreiter & Schmidhuber (1997).

    Each sequence has two channels: a value in [0, 1) and a marker that is 1 at exactly two
    positions (one in the first half). The target is the sum of the two marked values.
    Returns ``(x, y)`` with ``x`` of shape ``(n, length, 2)`` and ``y`` of shape ``(n, 1)``, float32.
    """
    if length < 2:
        raise ValueError(f"length must be at least 2, got {length}")
    rng = np.random.default_rng(seed)
    values = rng.random((n, length))
    markers = np.zeros((n, length))
    half = max(1, length // 2)
    first = rng.integers(0, half, size=n)
    second = rng.integers(half, length, size=n)
    second = np.where(second == first, (first + 1) % length, second)
    rows = np.arange(n)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    x = np.stack([values, markers], axis=-1).astype(np.float32)
    y = (values * markers).sum(axis=1, keepdims=True).astype(np.float32)
    return x, y


MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"


def load_mnist(cache_dir: str | os.PathLike | None = None, url: str = MNIST_URL):
    """MNIST as ``(x_train, y_train, x_test, y_test)``, pixels scaled to [0, 1] (float32).

    Downloads once into ``cache_dir`` (default ``~/.cache/trainwell``). Without a network,
    raises ``RuntimeError`` saying where to put the file by hand.
    """
    cache = Path(cache_dir or Path.home() / ".cache" / "trainwell")
    path = cache / "mnist.npz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                path.write_bytes(response.read())
        except (urllib.error.URLError, OSError) as error:
            raise RuntimeError(
                f"Could not download MNIST from {url} ({error}). Without a network, copy "
                f"mnist.npz to {path} by hand, or use trainwell.data.digits(), which needs "
                "no download."
            ) from None
    with np.load(path) as f:
        x_train, y_train = f["x_train"], f["y_train"]
        x_test, y_test = f["x_test"], f["y_test"]
    scale = np.float32(255.0)
    return (
        x_train.astype(np.float32) / scale,
        y_train.astype(np.int64),
        x_test.astype(np.float32) / scale,
        y_test.astype(np.int64),
    )


@dataclass(frozen=True)
class Table:
    """A tabular regression set: numeric features (categorical columns one-hot, float32, not yet
    standardized) and positive targets (float32), one row per example."""

    name: str
    features: np.ndarray
    target: np.ndarray
    columns: tuple[str, ...]


class MissingData(FileNotFoundError):
    """A data file that must be put in place by hand is not there; the message says where."""


HOUSE_PRICES_DIR = Path("data") / "house-prices"  # relative to the notebook's folder (Colab: /content)
HOUSE_PRICES_URL = "https://www.kaggle.com/c/house-prices-advanced-regression-techniques/data"


def diabetes() -> Table:
    """scikit-learn's diabetes data (442 patients, shipped with the package): the raw features with
    the two-valued ``sex`` column one-hot, and the disease progression a year later (25 to 346)."""
    from sklearn.datasets import load_diabetes

    raw = load_diabetes(scaled=False)
    sex = raw.feature_names.index("sex")
    keep = [i for i in range(raw.data.shape[1]) if i != sex]
    one_hot = np.stack([raw.data[:, sex] == value for value in (1.0, 2.0)], axis=1)
    features = np.concatenate([raw.data[:, keep], one_hot], axis=1).astype(np.float32)
    columns = tuple(raw.feature_names[i] for i in keep) + ("sex=1", "sex=2")
    return Table("diabetes", features, raw.target.astype(np.float32), columns)


def house_prices(folder: str | os.PathLike = HOUSE_PRICES_DIR) -> Table:
    """Kaggle's house prices (``train.csv`` of the competition) from ``folder``, the target
    ``SalePrice``. Numeric columns keep their values (a missing value becomes the column's mean);
    every other column is one-hot, with its own column for a missing value.

    Kaggle's files cannot be downloaded without an account, so they are never fetched: without
    ``folder/train.csv`` this raises ``MissingData`` saying where to put it.
    """
    path = Path(folder) / "train.csv"
    if not path.is_file():
        raise MissingData(
            f"Kaggle's house-price data is not here: {path.resolve()} does not exist. Download "
            f"train.csv from {HOUSE_PRICES_URL} (a Kaggle account that has accepted the "
            f"competition's rules) and put it in {Path(folder).resolve()}; in Colab, upload it "
            "there with the Files pane. trainwell.data.diabetes() needs no download."
        )
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or "SalePrice" not in rows[0]:
        raise ValueError(f"{path} has no SalePrice column: is it the competition's train.csv?")
    target = np.array([float(r["SalePrice"]) for r in rows], np.float32)
    blocks, columns = [], []
    for name in [c for c in rows[0] if c not in ("Id", "SalePrice")]:
        values = [r[name] for r in rows]
        numbers = _numbers(values)
        if numbers is not None:
            blocks.append(np.where(np.isnan(numbers), np.nanmean(numbers), numbers)[:, None])
            columns.append(name)
        else:
            levels = sorted(set(values))
            blocks.append(np.array(values)[:, None] == np.array(levels)[None, :])
            columns += [f"{name}={level}" for level in levels]
    return Table("house-prices", np.concatenate(blocks, axis=1).astype(np.float32), target,
                 tuple(columns))


def _numbers(values: list[str]) -> np.ndarray | None:
    """The column as floats (NaN where missing: empty or ``NA``), or None if it is not numeric."""
    present = [v for v in values if v not in ("", "NA")]
    try:
        [float(v) for v in present]
    except ValueError:
        return None
    return np.array([float(v) if v not in ("", "NA") else np.nan for v in values])
