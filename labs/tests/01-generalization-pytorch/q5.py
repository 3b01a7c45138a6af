OK_FORMAT = True

test = {'name': 'q5',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _w, _b = train_weight_decay(torch.tensor(np.zeros((4, 3))), '
                                'torch.tensor(np.ones((4, 1))), np.ones((3, 1)), 1.0, lr=0.1, '
                                'steps=10)\n'
                                '>>> [list(_w.shape), list(_b.shape), [round(float(v), 4) for v in '
                                'np.ravel(_w.tolist())], [round(float(v), 4) for v in '
                                'np.ravel(_b.tolist())]]\n'
                                '[[3, 1], [1], [0.3487, 0.3487, 0.3487], [0.6513]]',
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> [set(wd_results) == set(LAMBDAS), best_lambda in LAMBDAS]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
