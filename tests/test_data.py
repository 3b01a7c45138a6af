import numpy as np
import pytest

from trainwell import data


def test_polynomial_shapes_and_ground_truth():
    f_train, y_train, f_test, y_test = data.polynomial(n_train=20, n_test=100, max_degree=20, seed=0)
    assert f_train.shape == (20, 20) and f_test.shape == (100, 20)
    assert y_train.shape == (20,) and f_train.dtype == np.float64
    np.testing.assert_allclose(f_train[:, 0], 1.0)  # x**0 / 0!
    x = f_train[:, 1]
    np.testing.assert_allclose(f_train[:, 3], x**3 / 6)
    clean = f_test[:, :4] @ np.array([5.0, 1.2, -3.4, 5.6])
    assert np.std(y_test - clean) == pytest.approx(0.1, rel=0.3)


def test_same_seed_same_data_other_seed_other_data():
    a = data.linear_regression(seed=3)
    b = data.linear_regression(seed=3)
    c = data.linear_regression(seed=4)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    assert not np.array_equal(a[0], c[0])
    assert a[0].shape == (20, 200) and a[1].shape == (20, 1) and a[0].dtype == np.float32


def test_digits_standardized_with_training_statistics():
    x_train, y_train, x_test, y_test = data.digits(seed=0)
    assert x_train.shape[1] == 64 and x_train.dtype == np.float32 and y_train.dtype == np.int64
    assert len(x_train) + len(x_test) == 1797
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-5)
    assert set(np.unique(y_train)) == set(range(10))
    small = data.digits(n_train=300, seed=0)
    assert small[0].shape == (300, 64)


def test_digits_rejects_impossible_size():
    with pytest.raises(ValueError, match="n_train must be between 1 and"):
        data.digits(n_train=10_000)


def test_adding_problem_targets_are_the_marked_sums():
    x, y = data.adding_problem(64, 30, seed=1)
    assert x.shape == (64, 30, 2) and y.shape == (64, 1)
    np.testing.assert_array_equal(x[:, :, 1].sum(axis=1), 2)
    first_marker = x[:, :15, 1].sum(axis=1)
    np.testing.assert_array_equal(first_marker, 1)
    np.testing.assert_allclose(y[:, 0], (x[:, :, 0] * x[:, :, 1]).sum(axis=1), rtol=1e-6)
    with pytest.raises(ValueError, match="length must be at least 2"):
        data.adding_problem(4, 1)


def test_mnist_offline_says_what_to_do(tmp_path):
    with pytest.raises(RuntimeError, match="copy\\s+mnist.npz to .* by hand"):
        data.load_mnist(cache_dir=tmp_path, url="http://127.0.0.1:9/mnist.npz")


def test_mnist_reads_a_cached_file(tmp_path):
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
        "y_train": np.arange(5, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
        "y_test": np.arange(2, dtype=np.uint8),
    }
    np.savez(tmp_path / "mnist.npz", **arrays)
    x_train, y_train, x_test, _ = data.load_mnist(cache_dir=tmp_path)
    assert x_train.shape == (5, 28, 28) and x_train.max() <= 1.0 and x_train.dtype == np.float32
    assert y_train.tolist() == [0, 1, 2, 3, 4] and x_test.shape == (2, 28, 28)


def test_digits_min_std_keeps_rare_pixels_bounded():
    x_train, _, x_test, _ = data.digits(n_train=500, seed=0)
    assert np.abs(x_test).max() > 1e4  # a pixel constant in these 500 images, not in the test set
    x_train, _, x_test, _ = data.digits(n_train=500, seed=0, min_std=1.0)
    assert np.abs(x_test).max() < 20
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-5)
    default = data.digits(seed=1)
    floored_at_zero = data.digits(seed=1, min_std=0.0)
    np.testing.assert_array_equal(default[2], floored_at_zero[2])


def test_diabetes_one_hot_sex_and_positive_target():
    table = data.diabetes()
    assert table.features.shape == (442, 11) and table.features.dtype == np.float32
    assert table.columns[-2:] == ("sex=1", "sex=2") and len(table.columns) == 11
    assert (table.features[:, -2:].sum(axis=1) == 1).all()
    assert table.target.min() > 0 and table.target.shape == (442,)


def test_house_prices_missing_says_where_to_put_them(tmp_path):
    folder = tmp_path / "nowhere"
    with pytest.raises(data.MissingData, match=r"put it in .*nowhere.*Files pane"):
        data.house_prices(folder)
    assert issubclass(data.MissingData, FileNotFoundError)


def test_house_prices_reads_numbers_and_one_hot_categories(tmp_path):
    (tmp_path / "train.csv").write_text(
        "Id,LotArea,Street,Alley,SalePrice\n"
        "1,8450,Pave,NA,208500\n"
        "2,NA,Grvl,Grvl,181500\n"
        "3,11250,Pave,NA,223500\n"
    )
    table = data.house_prices(tmp_path)
    assert table.name == "house-prices"
    assert table.columns == ("LotArea", "Street=Grvl", "Street=Pave", "Alley=Grvl", "Alley=NA")
    np.testing.assert_allclose(table.features[:, 0], [8450, 9850, 11250])  # NA -> the mean
    np.testing.assert_array_equal(table.features[:, 1:], [[0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 1]])
    np.testing.assert_array_equal(table.target, [208500, 181500, 223500])


def test_house_prices_rejects_a_file_without_sale_price(tmp_path):
    (tmp_path / "train.csv").write_text("Id,LotArea\n1,8450\n")
    with pytest.raises(ValueError, match="no SalePrice column"):
        data.house_prices(tmp_path)
