OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _y = bn_forward_train(tf.constant([[1.0, 10.0], [3.0, 10.0], '
                                '[5.0, 13.0]]), tf.ones(2), tf.zeros(2), 0.0)\n'
                                '>>> [[round(v, 4) for v in row] for row in _y.numpy().tolist()]\n'
                                '[[-1.2247, -0.7071], [0.0, -0.7071], [1.2247, 1.4142]]',
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> _y = '
                                'bn_forward_train(tf.constant(np.random.default_rng(1).normal(5, '
                                '3, size=(50, 4)), tf.float32), tf.ones(4), tf.zeros(4), 1e-05)\n'
                                '>>> [bool(tf.reduce_max(tf.abs(tf.reduce_mean(_y, 0))) < 1e-05), '
                                'bool(tf.reduce_max(tf.abs(tf.math.reduce_std(_y, 0) - 1)) < '
                                '0.001)]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
