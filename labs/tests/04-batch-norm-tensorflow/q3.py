OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _y = bn_forward_eval(tf.constant([[1.0, 2.0], [3.0, 4.0]]), '
                                'tf.constant([1.0, 1.0]), tf.constant([4.0, 0.25]), '
                                'tf.constant([1.0, 2.0]), tf.constant([0.0, 1.0]), 0.0)\n'
                                '>>> [[round(v, 4) for v in row] for row in _y.numpy().tolist()]\n'
                                '[[0.0, 5.0], [1.0, 13.0]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
