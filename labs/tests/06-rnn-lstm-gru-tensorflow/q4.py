OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _lstm = tensors(make_params('lstm', 2, 24, seed=608))\n"
                                ">>> _one = call(lambda: grad_ratio('lstm', _lstm, X_PROBE[:, "
                                ":1]), 'grad_ratio for sequences of one step')\n"
                                ">>> _cut = make_params('rnn', 2, 24, seed=608)\n"
                                ">>> _cut['W_h'][:] = 0.0\n"
                                ">>> _no_path = call(lambda: grad_ratio('rnn', tensors(_cut), "
                                "X_PROBE[:, :5]), 'grad_ratio for a tanh RNN with W_h = 0')\n"
                                '>>> report(_one.number(float).holds(lambda v: abs(v - 1) < 1e-05, '
                                "'with one step x_1 is x_T, so the ratio should be 1'), "
                                "_no_path.number(float).holds(lambda v: v < 1e-06, 'with W_h = 0 "
                                'the first input cannot reach h_T, so the ratio should be 0: take '
                                'the gradient of y = sum(h_T) with respect to the inputs, and '
                                "compare its slices at the first and the last step'), "
                                "expect(ratios, 'ratios').keys(['rnn', 'lstm_fb0', "
                                "'lstm_fb3']).holds(lambda r: all((type(v) is float and v > 0 for "
                                "v in r.values())), 'each ratio should be a positive Python "
                                "float').holds(lambda r: r['lstm_fb3'] > r['lstm_fb0'], 'a "
                                'forget-gate bias of 3 keeps the cell path open: its ratio should '
                                'be larger than with bias 0 (is forget_bias passed to '
                                "make_params?)'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
