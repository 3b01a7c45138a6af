OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _x = tf.constant(np.random.default_rng(1).normal(size=(8, 3)) '
                                '* 3 + 1, tf.float32)\n'
                                '>>> _layer = keras.layers.BatchNormalization(momentum=0.99)\n'
                                '>>> _ = _layer(_x, training=True)\n'
                                '>>> _old_mean, _old_var = (tf.Variable(tf.zeros(3)), '
                                'tf.Variable(tf.ones(3)))\n'
                                '>>> _new = call(lambda: update_moving_stats(_old_mean, _old_var, '
                                "_x, 0.99), 'update_moving_stats(mean, variance, x, "
                                "0.99)').parts(2, 'a pair (new_moving_mean, "
                                "new_moving_variance)')\n"
                                ">>> report(_new.item(0, 'the new moving mean').tensor(shape=(3,), "
                                "dtype='float32').holds(lambda m: np.allclose(m, "
                                '_layer.moving_mean.numpy(), atol=1e-05), "the new moving mean '
                                "differs from Keras': check which of the old average and the "
                                'batch\'s mean momentum weighs"), _new.item(1, \'the new moving '
                                "variance').tensor(shape=(3,), dtype='float32').holds(lambda v: "
                                'np.allclose(v, _layer.moving_variance.numpy(), atol=1e-05), "the '
                                "new moving variance differs from Keras': check which batch "
                                'variance (divided by m or by m − 1) Keras stores"), '
                                "expect((_old_mean, _old_var), 'the arguments').holds(lambda a: "
                                'bool((a[0].numpy() == 0).all() and (a[1].numpy() == 1).all()), '
                                "'update_moving_stats changed its arguments: return new tensors "
                                "instead'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
