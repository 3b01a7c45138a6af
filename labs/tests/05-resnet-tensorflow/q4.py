OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> [isinstance(v, float) for v in (plain_grad, resid_grad, '
                                'log10_ratio)] + [resid_grad > plain_grad]\n'
                                '[True, True, True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
