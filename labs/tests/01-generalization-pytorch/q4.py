OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _ones = torch.tensor(np.ones((50, 40)))\n'
                                '>>> _kept = np.random.default_rng(0).random((50, 40)) >= 0.25\n'
                                '>>> _out = call(lambda: dropout(_ones, 0.25, True, '
                                "np.random.default_rng(0)), 'dropout(x, 0.25, True, rng)')\n"
                                '>>> _eval = call(lambda: dropout(_ones, 0.25, False, '
                                "np.random.default_rng(0)), 'dropout(x, 0.25, False, rng)')\n"
                                '>>> _all = call(lambda: dropout(_ones, 1.0, True, '
                                "np.random.default_rng(0)), 'dropout(x, 1.0, True, rng)')\n"
                                '>>> _f32 = call(lambda: dropout(torch.ones(3, 4), 0.5, True, '
                                "np.random.default_rng(0)), 'dropout of a float32 tensor')\n"
                                '>>> report(_eval.tensor(like=_ones).holds(lambda v: (v == '
                                "1).all(), 'in evaluation mode (training false) dropout should "
                                "return x unchanged'), _all.tensor(like=_ones, "
                                "finite=False).holds(lambda v: np.isfinite(v).all(), 'dropout with "
                                'p = 1 gives NaN or inf: return zeros without dividing by 1 − '
                                "p').holds(lambda v: (v == 0).all(), 'with p = 1 every entry "
                                "should be dropped'), _out.tensor(like=_ones).holds(lambda v: "
                                "set(np.unique(v).tolist()) <= {0.0, 1 / 0.75}, 'dropout of ones "
                                'with p = 0.25 should give only 0 and 1/(1 − p): scale the kept '
                                "entries by 1/(1 − p)').holds(lambda v: np.array_equal(v != 0, "
                                "_kept), 'the kept entries should be where rng.random(x.shape) >= "
                                "p, with one draw of that shape per call'), _f32.tensor(shape=(3, "
                                "4), dtype='float32'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
