OK_FORMAT = True

test = {'name': 'q8',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _p = tensors(make_params('rnn', 2, 8, seed=801))\n"
                                '>>> _x = X_PROBE[:5, :12]\n'
                                '>>> _k4 = call(lambda: truncated_grad_norms(_x, _p, 4), '
                                "'truncated_grad_norms(x, p, 4)')\n"
                                '>>> _full = call(lambda: truncated_grad_norms(_x, _p, 12), '
                                "'truncated_grad_norms(x, p, T)')\n"
                                ">>> report(_k4.tensor(shape=(12,), dtype='float32').holds(lambda "
                                "v: np.all(v[:8] == 0), 'with k = 4 no gradient should reach the "
                                "first T - k = 8 steps').holds(lambda v: np.all(v[8:] > 0), 'with "
                                "k = 4 the gradient should reach each of the last 4 steps'), "
                                "_full.tensor(shape=(12,), dtype='float32').holds(lambda v: "
                                "np.all(v > 0), 'with k = T the gradient should reach every "
                                "step').holds(lambda v: np.allclose(v[8:], "
                                'np.asarray(truncated_grad_norms(_x, _p, 4))[8:], rtol=1e-05), '
                                "'within the last k steps truncation should not change the "
                                "gradient'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
