OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _x = tf.constant([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.0]])\n'
                                '>>> _stats = (tf.constant([1.0, 1.0]), tf.constant([4.0, 0.25]), '
                                'tf.constant([1.0, 2.0]), tf.constant([0.0, 1.0]), 0.0)\n'
                                '>>> _y = call(lambda: bn_forward_eval(_x, *_stats), '
                                "'bn_forward_eval(x, mean, variance, gamma, beta, 0)')\n"
                                '>>> _alone = call(lambda: bn_forward_eval(_x[:1], *_stats), '
                                "'bn_forward_eval of the first example alone')\n"
                                '>>> report(_y.tensor(like=_x).holds(lambda v: np.allclose(v[0], '
                                "[0.0, 5.0], atol=1e-05), 'for x = (1, 2), mean (1, 1), variance "
                                '(4, 0.25), gamma (1, 2), beta (0, 1) the output should be (0, 5): '
                                "(x − mean) / √(variance + eps) · gamma + beta'), "
                                "_alone.tensor(shape=(1, 2), dtype='float32').holds(lambda v: "
                                'np.allclose(v, np.asarray(_y.value)[:1], atol=1e-06), "an '
                                "example's output depends on the batch it comes with: normalize "
                                'with the stored statistics, not the batch\'s"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
