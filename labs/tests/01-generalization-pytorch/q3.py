OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _folds = call(lambda: kfold_indices(10, 3, 0), '
                                "'kfold_indices(10, 3, 0)').parts(3, 'a list of 3 pairs "
                                "(train_idx, val_idx)')\n"
                                '>>> _x = torch.tensor(np.linspace(-1.0, 1.0, 12))\n'
                                '>>> _exact = call(lambda: cv_loss(_x, 2 - _x + _x ** 2, 2, 3, 0), '
                                "'cv_loss(x, y, 2, 3, 0) for an exact quadratic')\n"
                                '>>> report(_folds.holds(lambda f: all((len(pair) == 2 for pair in '
                                "f)), 'each fold should be a pair (train_idx, "
                                "val_idx)').holds(lambda f: sorted(np.concatenate([np.asarray(v) "
                                "for _, v in f]).tolist()) == list(range(10)), 'the validation "
                                'folds together should hold each index 0, ..., n − 1 exactly '
                                "once').holds(lambda f: all((len(t) + len(v) == 10 and "
                                'set(np.asarray(t).tolist()).isdisjoint(np.asarray(v).tolist()) '
                                'for t, v in f)), "each pair\'s training indices should be all the '
                                'indices outside its validation fold").holds(lambda f: [len(v) for '
                                '_, v in f] == [4, 3, 3], "the validation folds should have '
                                'np.array_split\'s sizes, 4, 3, 3 for n = 10, k = 3").holds(lambda '
                                'f: np.asarray(f[0][1]).tolist() == '
                                "np.random.default_rng(0).permutation(10)[:4].tolist(), 'the first "
                                'validation fold should be the first 4 entries of '
                                "np.random.default_rng(seed).permutation(n)'), "
                                "_exact.number(float).holds(lambda v: v < 1e-12, 'cross-validating "
                                'an exact quadratic with degree 2 should give a loss of (almost) '
                                "0'), expect(cv_losses, 'cv_losses').keys(DEGREES).holds(lambda d: "
                                "all((type(v) is float for v in d.values())), 'each "
                                "cross-validation loss should be a Python float').holds(lambda d: "
                                'd[12] > 2 * fit_polynomial(x_train, y_train, x_train, y_train, '
                                "12)[1], 'cv_losses[12] is about the training loss of degree 12, "
                                'not far above it: average the losses on the validation indices, '
                                "not on the training ones').holds(lambda d: abs(d[3] - "
                                "cv_loss(x_train, y_train, 3, 5, 3)) < 1e-09 * d[3], 'cv_losses[3] "
                                "is not cv_loss(x_train, y_train, 3, 5, 3)'), expect(best_degree, "
                                "'best_degree').number(int).holds(lambda b: b in cv_losses and "
                                "cv_losses[b] == min(cv_losses.values()), 'best_degree should be "
                                "the degree with the lowest cross-validation loss'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
