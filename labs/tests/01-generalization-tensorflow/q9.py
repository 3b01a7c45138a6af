OK_FORMAT = True

test = {'name': 'q9',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _tr, _ot = (np.array([[1.0, 5.0], [3.0, 5.0]]), '
                                'np.array([[5.0, 7.0]]))\n'
                                '>>> _pair = call(lambda: standardize(_tr, _ot), '
                                "'standardize(x_train, x_other)').parts(2, 'a pair (x_train_std, "
                                "x_other_std)')\n"
                                ">>> report(_pair.item(0, 'x_train_std').tensor(shape=(2, "
                                "2)).close([[-1.0, 0.0], [1.0, 0.0]], 'x_train [[1, 5], [3, 5]] "
                                'should become [[-1, 0], [1, 0]]: subtract the column means, '
                                "divide by the standard deviations (a constant column by 1)'), "
                                "_pair.item(1, 'x_other_std').tensor(shape=(1, 2)).close([[3.0, "
                                '2.0]], "x_other [[5, 7]] should become [[3, 2]]: use the training '
                                'set\'s mean and standard deviation, not its own"), call(lambda: '
                                'log_rmse(np.array([2.0, 200.0]), np.array([1.0, 100.0])), '
                                "'log_rmse([2, 200], [1, 100])').number().close(np.log(2), "
                                "'log_rmse([2, 200], [1, 100]) should be log 2 ≈ 0.693: both "
                                'predictions are twice the target; compare logarithms, not the '
                                "values'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
