OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> clip_by_value(torch.arange(10), 2, 8).tolist()\n'
                                '[2, 2, 2, 3, 4, 5, 6, 7, 8, 8]',
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> round(value_clip_cosine(torch.tensor([4.0, 1.0]), 1.0), 4)\n'
                                '0.8575',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
