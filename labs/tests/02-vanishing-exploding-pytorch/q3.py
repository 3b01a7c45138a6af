OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> len(grad_norms(tw.mlp([4, 5, 3]), np.zeros((2, 4), '
                                'np.float32), np.array([0, 1])))\n'
                                '2',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
