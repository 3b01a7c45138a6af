OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _x = tf.constant(np.random.default_rng(1).normal(size=(8, 3)) '
                                '* 3 + 1, tf.float32)\n'
                                '>>> _layer = keras.layers.BatchNormalization(momentum=0.99)\n'
                                '>>> _ = _layer(_x, training=True)\n'
                                '>>> _m, _v = update_moving_stats(tf.zeros(3), tf.ones(3), _x, '
                                '0.99)\n'
                                '>>> [bool(np.allclose(_m, _layer.moving_mean.numpy(), '
                                'atol=1e-05)), bool(np.allclose(_v, '
                                '_layer.moving_variance.numpy(), atol=1e-05))]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
