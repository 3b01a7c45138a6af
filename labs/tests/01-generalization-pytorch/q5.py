OK_FORMAT = True

test = {'name': 'q5',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _w0 = np.ones((3, 1))\n'
                                '>>> _wb = call(lambda: '
                                'train_weight_decay(torch.tensor(np.zeros((4, 3))), '
                                'torch.tensor(np.ones((4, 1))), _w0, 1.0, lr=0.1, steps=10), '
                                "'train_weight_decay(x = 0, y = 1, w0 = 1, lam = 1, lr = 0.1, "
                                "steps = 10)').parts(2, 'a pair (w, b)')\n"
                                ">>> report(_wb.item(0, 'w').tensor(shape=(3, 1), "
                                "dtype='float64').holds(lambda w: np.allclose(w, 0.9 ** 10), 'with "
                                'x = 0 the data do not touch w: the penalty alone should shrink it '
                                "by the factor 1 − lr·λ at each step'), _wb.item(1, "
                                "'b').tensor(shape=(1,), dtype='float64').holds(lambda b: "
                                "np.allclose(b, 1 - 0.9 ** 10), 'the bias is not penalized: with x "
                                '= 0 it should move from 0 towards the mean of y, b ← b − lr·(b − '
                                "1)'), expect(_w0, 'w0').holds(lambda w: (w == 1).all(), "
                                "'train_weight_decay changed the NumPy array w0: copy it into a "
                                "tensor of your own'), expect(wd_results, "
                                "'wd_results').keys(LAMBDAS).holds(lambda d: all((isinstance(v, "
                                'tuple) and len(v) == 2 and all((type(u) is float for u in v)) for '
                                "v in d.values())), 'each value of wd_results should be a pair of "
                                "Python floats (sq_norm, val_loss)').holds(lambda d: all((d[b][0] "
                                "< d[a][0] for a, b in zip(LAMBDAS, LAMBDAS[1:]))), '‖w‖² should "
                                'fall as λ grows: is lam passed on to train_weight_decay, and '
                                "sq_norm the sum of the squared weights?'), expect(best_lambda, "
                                "'best_lambda').holds(lambda lam: lam in wd_results and "
                                'wd_results[lam][1] == min((v[1] for v in wd_results.values())), '
                                "'best_lambda should be the λ with the lowest validation loss'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
