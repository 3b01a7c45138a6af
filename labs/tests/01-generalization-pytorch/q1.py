OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> [[round(v, 4) for v in row] for row in '
                                'poly_features(torch.tensor(np.array([0.0, 1.0, 2.0])), '
                                '3).tolist()]\n'
                                '[[1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.5, 0.1667], [1.0, 2.0, 2.0, '
                                '1.3333]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
