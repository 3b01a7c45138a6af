OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> [round(v, 4) for v in sigmoid_grad(torch.tensor([-2.0, 0.0, '
                                '2.0])).tolist()]\n'
                                '[0.105, 0.25, 0.105]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
