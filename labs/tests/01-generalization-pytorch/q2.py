OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _x = torch.tensor(np.linspace(-2.0, 2.0, 9))\n'
                                '>>> _w, _train, _test = fit_polynomial(_x, 1 + _x ** 2 / 2, _x, 1 '
                                '+ _x ** 2 / 2, 3)\n'
                                '>>> [list(_w.shape), np.allclose(np.asarray(_w), [1.0, 0.0, 1.0, '
                                '0.0]), type(_train).__name__, round(_train, 8), round(_test, 8)]\n'
                                "[[4], True, 'float', 0.0, 0.0]",
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> [sorted(poly_losses) == DEGREES, poly_losses[1][0] > '
                                'poly_losses[3][0] > poly_losses[12][0]]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
