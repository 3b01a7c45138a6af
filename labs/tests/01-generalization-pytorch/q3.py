OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _folds = kfold_indices(10, 3, 0)\n'
                                '>>> [[len(tr), len(va)] for tr, va in _folds] + '
                                '[sorted(np.concatenate([va for _, va in _folds]).tolist()) == '
                                'list(range(10))]\n'
                                '[[6, 4], [7, 3], [7, 3], True]',
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> [sorted(cv_losses) == DEGREES, best_degree in DEGREES]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
