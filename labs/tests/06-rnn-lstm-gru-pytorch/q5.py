OK_FORMAT = True

test = {'name': 'q5',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _acc = call(lambda: adding_accuracy(torch.tensor([[0.5], '
                                '[1.0], [1.7]]), torch.tensor([[0.52], [1.2], [1.69]])), '
                                "'adding_accuracy(pred, y)')\n"
                                '>>> _seq = torch.tensor([[[0.3, 1.0], [0.7, 0.0], [0.2, 1.0]]])\n'
                                '>>> _last = call(lambda: window_prediction(_seq, 1), '
                                "'window_prediction(x, 1)')\n"
                                '>>> _all = call(lambda: window_prediction(_seq, 3), '
                                "'window_prediction(x, T)')\n"
                                '>>> report(_acc.number(float).holds(lambda v: abs(v - 2 / 3) < '
                                "1e-06, 'two of the three predictions lie within 0.04 of their "
                                "targets, so the accuracy should be 2/3'), _last.tensor(shape=(1, "
                                "1), dtype='float32').holds(lambda v: np.allclose(v, 0.7, "
                                "atol=1e-06), 'seeing only the last step, marked 0.2, the "
                                'prediction should be 0.2 plus 0.5 for the marked step it does not '
                                "see'), _all.tensor(shape=(1, 1), dtype='float32').holds(lambda v: "
                                "np.allclose(v, 0.5, atol=1e-06), 'seeing every step the "
                                'prediction should be the sum of the two marked values, 0.3 + '
                                "0.2'), expect(constant_acc, "
                                "'constant_acc').number(float).holds(lambda v: 0 <= v <= 1, "
                                "'constant_acc should be a fraction between 0 and 1'), "
                                "expect(window_acc, 'window_acc').keys(range(1, T_ADD + "
                                "1)).holds(lambda d: d[T_ADD] == 1.0, 'a window of the whole "
                                "sequence sees both marked values, so its accuracy should be 1'), "
                                "expect(min_window, 'min_window').number(int).holds(lambda w: w in "
                                'window_acc and window_acc[w] >= 0.9 and all((a < 0.9 for v, a in '
                                "window_acc.items() if v < w)), 'min_window should be the smallest "
                                "window whose accuracy is at least 0.9'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
