OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _hs = rnn_forward(torch.tensor(data.adding_problem(4, 5, '
                                "seed=1)[0]), tensors(make_params('rnn', 2, 3, seed=1)))\n"
                                '>>> [list(_hs.shape), [round(v, 4) for v in _hs[0, 0].tolist()]]\n'
                                '[[4, 5, 3], [0.4393, -0.3572, -0.3891]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
