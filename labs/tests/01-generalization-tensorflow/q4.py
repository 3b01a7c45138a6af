OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _out = dropout(tf.constant(np.ones((100, 100))), 0.5, True, '
                                'np.random.default_rng(0))\n'
                                '>>> [np.unique(np.asarray(_out)).tolist(), '
                                'round(float(tf.reduce_mean(_out)), 1)]\n'
                                '[[0.0, 2.0], 1.0]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
