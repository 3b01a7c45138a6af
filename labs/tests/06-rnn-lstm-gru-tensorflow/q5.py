OK_FORMAT = True

test = {'name': 'q5',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> [adding_accuracy(tf.constant([[0.5], [1.0], [1.7]]), '
                                'tf.constant([[0.52], [1.2], [1.69]])), '
                                'bool(np.allclose(np.asarray(window_prediction(X_TEST, T_ADD)), '
                                'y_test, atol=1e-06)), window_prediction(X_TEST, '
                                '5).shape.as_list()]\n'
                                '[0.6666666865348816, True, [2000, 1]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
