OK_FORMAT = True

test = {'name': 'q7',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _pf, _pb = (tensors(make_params('rnn', 2, 5, seed=701)), "
                                "tensors(make_params('rnn', 2, 5, seed=702)))\n"
                                '>>> _x = X_PROBE[:3, :6]\n'
                                '>>> _bi = call(lambda: birnn_forward(_x, _pf, _pb), '
                                "'birnn_forward(x, p_fwd, p_bwd)')\n"
                                '>>> report(_bi.tensor(shape=(3, 6, 10), '
                                "dtype='float32').holds(lambda v: np.allclose(v[..., :5], "
                                'np.asarray(rnn_forward(_x, _pf)), atol=1e-05), "the first H units '
                                "of each step should be the forward RNN's states, rnn_forward(x, "
                                'p_fwd)").holds(lambda v: np.allclose(v[:, -1, 5:], '
                                "np.asarray(rnn_forward(_x[:, -1:], _pb))[:, 0], atol=1e-05), 'at "
                                'the last step the backward RNN has seen only that step, from a '
                                "zero state'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
