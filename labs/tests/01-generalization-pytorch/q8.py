OK_FORMAT = True

test = {'name': 'q8',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _perfect = call(lambda: label_shift_weights(np.array([0, 1, '
                                '1, 2]), np.array([0, 1, 1, 2]), np.array([0, 0, 2, 2]), 3), '
                                "'label_shift_weights with a perfect classifier')\n"
                                '>>> _one_off = call(lambda: label_shift_weights(np.array([0, 0, '
                                '1, 1]), np.array([0, 1, 1, 1]), np.array([0, 1, 1, 1]), 2), '
                                "'label_shift_weights(y_held=[0, 0, 1, 1], pred_held=[0, 1, 1, 1], "
                                "pred_test=[0, 1, 1, 1], 2)')\n"
                                '>>> report(_perfect.tensor(shape=(3,)).close([2.0, 0.0, 2.0], '
                                "'with a perfect classifier w is the test frequencies over the "
                                "held-out ones: here [2, 0, 2]'), "
                                "_one_off.tensor(shape=(2,)).close([1.0, 1.0], 'here the weights "
                                'are [1, 1]: C[i, j] should count prediction i (row) with true '
                                "label j (column), not the other way round'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
