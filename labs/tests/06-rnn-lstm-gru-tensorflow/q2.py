OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _rng = np.random.default_rng(2)\n'
                                '>>> _x, _h, _c = (tf.constant(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5, 5))\n'
                                ">>> _params = make_params('lstm', 2, 5, seed=2, forget_bias=1.0)\n"
                                '>>> _cell = keras.layers.LSTMCell(5)\n'
                                '>>> _cell.build((None, 2))\n'
                                ">>> _cell.set_weights([_params['W_x'], _params['W_h'], "
                                "_params['b']])\n"
                                '>>> _ours, (_, _theirs) = (lstm_cell(_x, _h, _c, '
                                'tensors(_params)), _cell(_x, [_h, _c]))\n'
                                '>>> [float(tf.reduce_max(tf.abs(a - b))) < 1e-05 for a, b in '
                                'zip(_ours, _theirs)]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
