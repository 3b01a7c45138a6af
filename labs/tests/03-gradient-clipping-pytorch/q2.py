OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _t = torch.tensor([[3.0, 4.0], [12.0, 0.0]])\n'
                                '>>> [round(float(torch.linalg.vector_norm(clip_by_norm(_t, '
                                '5.0))), 4), clip_by_norm(_t, 20.0).tolist()]\n'
                                '[5.0, [[3.0, 4.0], [12.0, 0.0]]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
