OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _rng = np.random.default_rng(2)\n'
                                '>>> _x, _h, _c = (tf.constant(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5, 5))\n'
                                ">>> _params = make_params('lstm', 2, 5, seed=2, forget_bias=1.0)\n"
                                '>>> _cell = keras.layers.LSTMCell(5)\n'
                                '>>> _cell.build((None, 2))\n'
                                ">>> _cell.set_weights([_params['W_x'], _params['W_h'], "
                                "_params['b']])\n"
                                '>>> _h_ref, (_, _c_ref) = _cell(_x, [_h, _c])\n'
                                '>>> _h_ref, _c_ref = (np.asarray(_h_ref), np.asarray(_c_ref))\n'
                                '>>> _ours = call(lambda: lstm_cell(_x, _h, _c, tensors(_params)), '
                                "'lstm_cell(x, h, c, p)').parts(2, 'a pair (h_new, c_new)')\n"
                                ">>> report(_ours.item(1, 'c_new').tensor(like=_c).holds(lambda v: "
                                'np.allclose(v, _c_ref, atol=1e-05), "c_new differs from '
                                "keras.layers.LSTMCell's: c_new = f ⊙ c + i ⊙ g, with the blocks "
                                'in the order i, f, g, o and tanh for g only"), _ours.item(0, '
                                "'h_new').tensor(like=_h).holds(lambda v: np.allclose(v, _h_ref, "
                                'atol=1e-05), "h_new differs from keras.layers.LSTMCell\'s: h_new '
                                '= o ⊙ tanh(c_new)"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
