OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                ">>> _p = make_params('rnn', 2, 3, seed=1)\n"
                                '>>> _xs = data.adding_problem(4, 5, seed=1)[0]\n'
                                '>>> _hs = call(lambda: rnn_forward(tf.constant(_xs), '
                                "tensors(_p)), 'rnn_forward(x, p) for x of shape (4, 5, 2) and H = "
                                "3')\n"
                                ">>> _h1 = np.tanh(_xs[:, 0] @ _p['W_x'] + _p['b'])\n"
                                ">>> _h2 = np.tanh(_xs[:, 1] @ _p['W_x'] + _h1 @ _p['W_h'] + "
                                "_p['b'])\n"
                                '>>> report(_hs.tensor(shape=(4, 5, 3), '
                                "dtype='float32').holds(lambda h: np.allclose(h[:, 0], _h1, "
                                "atol=1e-05), 'the first state should be tanh(x_1 W_x + b), since "
                                "h_0 is zero').holds(lambda h: np.allclose(h[:, 1], _h2, "
                                "atol=1e-05), 'the second state should be tanh(x_2 W_x + h_1 W_h + "
                                "b): feed each state into the next step'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
