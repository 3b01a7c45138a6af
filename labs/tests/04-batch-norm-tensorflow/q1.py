OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _tiny = tf.constant([[1.0, 10.0], [3.0, 10.0], [5.0, 13.0]])\n'
                                '>>> _y = call(lambda: bn_forward_train(_tiny, tf.ones(2), '
                                "tf.zeros(2), 0.0), 'bn_forward_train(x, 1, 0, 0) of a 3 × 2 "
                                "batch')\n"
                                '>>> _x = tf.constant(np.random.default_rng(1).normal(5, 3, '
                                'size=(50, 4)), tf.float32)\n'
                                '>>> _shifted = call(lambda: bn_forward_train(_x, tf.fill([4], '
                                "2.0), tf.fill([4], -1.0), 1e-05), 'bn_forward_train(x, gamma = 2, "
                                "beta = -1, 1e-5)')\n"
                                '>>> _flat = call(lambda: bn_forward_train(tf.ones((4, 2)), '
                                "tf.ones(2), tf.zeros(2), 0.01), 'bn_forward_train of a constant "
                                "batch')\n"
                                '>>> report(_y.tensor(like=_tiny).holds(lambda v: not '
                                "np.allclose(v[:, 0], [-1, 0, 1], atol=0.0001), 'the first feature "
                                'comes out as -1, 0, 1: that is the variance divided by m − 1; BN '
                                "divides by the batch size m').holds(lambda v: np.allclose(v[:, "
                                "0], [-1.224745, 0, 1.224745], atol=0.0001), 'the first feature of "
                                '[[1, 10], [3, 10], [5, 13]] should become (x − 3) / √(8/3): '
                                "normalize each column over the batch (axis 0)'), "
                                '_shifted.tensor(like=_x).holds(lambda v: '
                                "np.allclose(v.mean(axis=0), -1, atol=0.0001), 'every feature of "
                                "the output should have the batch mean beta').holds(lambda v: "
                                "np.allclose(v.std(axis=0), 2, atol=0.001), 'every feature of the "
                                "output should have the standard deviation gamma'), "
                                "_flat.tensor(shape=(4, 2), dtype='float32', "
                                "finite=False).holds(lambda v: np.isfinite(v).all(), 'a constant "
                                'feature gives NaN: add eps to the variance inside the square '
                                "root').holds(lambda v: np.allclose(v, 0), 'a constant feature "
                                "should come out as beta'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
