OK_FORMAT = True

test = {'name': 'q7',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _xa, _xb = (np.linspace(-2, 2, 41), np.linspace(0, 3, 20))\n'
                                '>>> _beta = call(lambda: importance_weights(_xa, _xb), '
                                "'importance_weights(x_train, x_test)')\n"
                                '>>> report(_beta.tensor(shape=(41,)).holds(lambda b: (b > '
                                "0).all(), 'every weight should be positive: a ratio of two "
                                "probabilities').holds(lambda b: b[-1] > 1 > b[0], 'the test "
                                'inputs lie to the right here, so β should be above 1 on the right '
                                'and below 1 on the left: is the ratio P(z = 1 | x) / P(z = 0 | '
                                "x)?'), expect(mse_plain, 'mse_plain').number(), "
                                "expect(mse_weighted, 'mse_weighted').number().holds(lambda m: m < "
                                "mse_plain, 'the weighted fit should have the lower test MSE: did "
                                "you pass sample_weight=importance_weights(xs_train, xs_test)?'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
