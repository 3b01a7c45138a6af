OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _x = torch.tensor(np.array([2.0, -1.0, 0.5]))\n'
                                ">>> _p = call(lambda: poly_features(_x, 3), 'poly_features(x, "
                                "3)')\n"
                                '>>> _p32 = call(lambda: poly_features(torch.tensor([1.0, 2.0]), '
                                "2), 'poly_features of a float32 tensor')\n"
                                ">>> report(_p.tensor(shape=(3, 4), dtype='float64').holds(lambda "
                                "p: np.allclose(p[:, 0], 1), 'column 0 should be all ones (x**0 / "
                                "0!)').holds(lambda p: np.allclose(p[:, 1], [2.0, -1.0, 0.5]), "
                                "'column 1 should be x itself (x**1 / 1!)').holds(lambda p: not "
                                "np.allclose(p[:, 3], [8.0, -1.0, 0.125]), 'column 3 is x**3: "
                                "divide column i by i! (math.factorial(i))').holds(lambda p: "
                                "np.allclose(p[0], [1, 2, 2, 4 / 3]), 'for x = 2 the row should be "
                                "1, 2, 2²/2!, 2³/3!'), _p32.tensor(shape=(2, 3), "
                                "dtype='float32'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
