OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _params = init_params(0.1, seed=0)\n'
                                '>>> _before = [tf.identity(p) for p in _params]\n'
                                '>>> _loss, _norm = sgd_step(_params, X[:32], Y[:32], 0.1, '
                                'max_norm=0.001)\n'
                                '>>> _moved = float(tf.sqrt(tf.add_n([tf.reduce_sum((p - q) ** 2) '
                                'for p, q in zip(_params, _before)])))\n'
                                '>>> [type(_loss).__name__, type(_norm).__name__, _norm > 0.001, 0 '
                                '< _moved <= 0.1 * 0.001 * 1.001]\n'
                                "['float', 'float', True, True]",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
