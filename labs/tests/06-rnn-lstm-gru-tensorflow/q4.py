OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': ">>> _p = tensors(make_params('lstm', 2, 32, seed=SEED))\n"
                                ">>> [sorted(ratios), type(grad_ratio('rnn', "
                                "tensors(make_params('rnn', 2, 32, seed=SEED)), X_PROBE[:, "
                                ":3])).__name__, round(grad_ratio('lstm', _p, X_PROBE[:, :1]), "
                                '4)]\n'
                                "[['lstm_fb0', 'lstm_fb3', 'rnn'], 'float', 1.0]",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
