OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': ">>> [round(init_std(200, 200, 'xavier'), 4), round(init_std(200, "
                                "200, 'he'), 4)]\n"
                                '[0.0707, 0.1]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
