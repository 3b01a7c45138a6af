"""trainwell.training: the mini-batch indices and the progress bar the notebooks and labs share."""

import numpy as np
import pytest

from trainwell.training import batches, progress


def test_batches_cover_each_epoch_once_then_reshuffle():
    drawn = list(batches(10, 5, 4, seed=0))
    assert [len(b) for b in drawn] == [5, 5, 5, 5]
    first, second = np.concatenate(drawn[:2]), np.concatenate(drawn[2:])
    assert sorted(first) == list(range(10)) and sorted(second) == list(range(10))
    assert not np.array_equal(first, second)


def test_batches_drop_the_remainder_and_cap_the_size():
    drawn = list(batches(7, 3, 3, seed=1))
    assert len(set(np.concatenate(drawn[:2]))) == 6  # 6 of 7 in the first epoch: the 7th waits
    assert [len(b) for b in batches(4, 100, 2, seed=0)] == [4, 4]


def test_batches_same_seed_same_order():
    a = np.concatenate(list(batches(50, 8, 20, seed=3)))
    b = np.concatenate(list(batches(50, 8, 20, seed=3)))
    c = np.concatenate(list(batches(50, 8, 20, seed=4)))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("size, steps", [(0, 3), (4, -1)])
def test_batches_reject_bad_sizes(size, steps):
    with pytest.raises(ValueError, match="batch_size must be positive and steps non-negative"):
        list(batches(10, size, steps, seed=0))


def test_progress_writes_to_stderr_only_when_enabled(capsys):
    with progress(3, "demo", True) as bar:
        bar.update(3)
    captured = capsys.readouterr()
    assert captured.out == "" and "demo" in captured.err and "3/3" in captured.err
    with progress(3, "quiet", False) as bar:
        bar.update(3)
    assert capsys.readouterr().err == ""
