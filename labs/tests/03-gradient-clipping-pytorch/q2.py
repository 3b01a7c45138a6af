OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _t = torch.tensor([[3.0, 4.0], [12.0, 0.0]])\n'
                                ">>> _big = call(lambda: clip_by_norm(_t, 5.0), 'clip_by_norm(t, "
                                "5) for a t of norm 13')\n"
                                '>>> _small = call(lambda: clip_by_norm(_t, 20.0), '
                                "'clip_by_norm(t, 20) for a t of norm 13')\n"
                                '>>> _zero = call(lambda: clip_by_norm(torch.zeros(2, 3, '
                                "dtype=torch.float64), 1.0), 'clip_by_norm(zeros, 1)')\n"
                                '>>> report(_big.tensor(like=_t).holds(lambda v: np.linalg.norm(v) '
                                '<= 5 * (1 + 1e-06), "the clipped tensor\'s norm is above '
                                'max_norm").holds(lambda v: abs(np.linalg.norm(v) - 5) < 0.0001, '
                                "'a tensor longer than max_norm should come back with norm exactly "
                                "max_norm').holds(lambda v: np.allclose(v * 13 / 5, [[3, 4], [12, "
                                "0]], atol=1e-05), 'clipping by norm should scale every entry by "
                                "the same factor (the direction must not change)'), "
                                '_small.tensor(like=_t).holds(lambda v: np.array_equal(v, [[3, 4], '
                                "[12, 0]]), 'a tensor within max_norm should come back "
                                "unchanged'), _zero.tensor(shape=(2, 3), dtype='float64', "
                                'finite=False).holds(lambda v: np.isfinite(v).all(), '
                                "'clip_by_norm(zeros) gives NaN: a zero norm must not be divided "
                                "by').holds(lambda v: (v == 0).all(), 'clip_by_norm(zeros) should "
                                "stay zeros'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
