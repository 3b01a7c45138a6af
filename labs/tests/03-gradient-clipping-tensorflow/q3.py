OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _clipped, _norm = clip_by_global_norm([tf.constant([3.0, '
                                '4.0]), tf.constant([12.0])], 6.5)\n'
                                '>>> [round(_norm, 4), [c.numpy().tolist() for c in _clipped]]\n'
                                '[13.0, [[1.5, 2.0], [6.0]]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
