OK_FORMAT = True

test = {'name': 'q7',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _w = tf.constant([[3.0, 0.0, 0.0], [4.0, 1.0, 0.0]])\n'
                                '>>> _p = call(lambda: max_norm_project(_w, 2.0), '
                                "'max_norm_project(w, 2) for columns of norm 5, 1 and 0')\n"
                                '>>> report(_p.tensor(like=_w, finite=False).holds(lambda v: '
                                "np.isfinite(v).all(), 'a column of zeros gives NaN: a zero norm "
                                "must not be divided by').holds(lambda v: not np.allclose(v, "
                                "_w.numpy() * 2 / np.linalg.norm(_w.numpy())), 'each column is "
                                'projected on its own, not the whole matrix by its '
                                "norm').holds(lambda v: np.allclose(v[:, 0], [1.2, 1.6], "
                                "atol=1e-05), 'a column of norm 5 projected to norm 2 should be "
                                "scaled by 2/5, keeping its direction').holds(lambda v: "
                                "np.array_equal(v[:, 1:], [[0, 0], [1, 0]]), 'columns within c "
                                "(and a column of zeros) should come back unchanged'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
