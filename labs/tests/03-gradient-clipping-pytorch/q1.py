OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _ints = call(lambda: clip_by_value(torch.arange(10), 2, 8), '
                                "'clip_by_value(arange(10), 2, 8)')\n"
                                '>>> _t = torch.tensor([[-3.0, 0.5], [0.25, 7.0]])\n'
                                '>>> _c = call(lambda: clip_by_value(_t, -1.0, 1.0), '
                                "'clip_by_value(t, -1, 1)')\n"
                                '>>> _cos = call(lambda: value_clip_cosine(torch.tensor([4.0, '
                                "1.0]), 1.0), 'value_clip_cosine([4, 1], 1)')\n"
                                '>>> _same = call(lambda: value_clip_cosine(torch.tensor([[0.2, '
                                "-0.4], [0.1, 0.3]]), 1.0), 'value_clip_cosine(g, c) with every "
                                "|entry| below c')\n"
                                ">>> report(_ints.tensor(shape=(10,), dtype='int64').holds(lambda "
                                'v: v.tolist() == [2, 2, 2, 3, 4, 5, 6, 7, 8, 8], '
                                "'clip_by_value(arange(10), 2, 8) should raise 0, 1 to 2, lower 9 "
                                "to 8 and keep the rest'), _c.tensor(like=_t).holds(lambda v: "
                                "v.min() >= -1 and v.max() <= 1, 'some entries of clip_by_value(t, "
                                "-1, 1) lie outside [-1, 1]').holds(lambda v: v[0, 1] == 0.5 and "
                                "v[1, 0] == 0.25, 'entries already inside [lo, hi] should stay as "
                                "they are'), _cos.number(float).holds(lambda v: abs(v - 5 / "
                                "np.sqrt(34)) < 1e-05, '(4, 1) clipped to [-1, 1] is (1, 1): their "
                                "cosine is 5 / (√17 · √2)'), _same.number(float).holds(lambda v: "
                                "abs(v - 1) < 1e-06, 'when no entry is clipped the two vectors are "
                                "equal, so the cosine should be 1'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
