OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _rng = np.random.default_rng(3)\n'
                                '>>> _x, _h = (tf.constant(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5))\n'
                                ">>> _params = make_params('gru', 2, 5, seed=3)\n"
                                '>>> _zrn = {k: np.split(v, 3, axis=-1) for k, v in '
                                '_params.items()}\n'
                                '>>> _zrn = {k: np.concatenate([r_z_n[1], r_z_n[0], r_z_n[2]], '
                                'axis=-1) for k, r_z_n in _zrn.items()}\n'
                                '>>> _cell = keras.layers.GRUCell(5, reset_after=True)\n'
                                '>>> _cell.build((None, 2))\n'
                                ">>> _cell.set_weights([_zrn['W_x'], _zrn['W_h'], "
                                "np.stack([_zrn['b'], _zrn['b_h']])])\n"
                                '>>> _ref = np.asarray(_cell(_x, _h)[0])\n'
                                '>>> _copy = {k: v.copy() for k, v in _params.items()}\n'
                                ">>> _copy['b'][5:10] = 30.0\n"
                                '>>> _ours = call(lambda: gru_cell(_x, _h, tensors(_params)), '
                                "'gru_cell(x, h, p)')\n"
                                '>>> report(call(lambda: gru_cell(_x, _h, tensors(_copy)), '
                                "'gru_cell with the update gate at "
                                "1').tensor(like=_h).holds(lambda v: np.allclose(v, _h.numpy(), "
                                "atol=1e-05), 'where z is 1 the state should be copied unchanged: "
                                "h_new = (1 − z) ⊙ n + z ⊙ h'), _ours.tensor(like=_h).holds(lambda "
                                "v: np.allclose(v, _ref, atol=1e-05), 'gru_cell differs from "
                                'keras.layers.GRUCell (reset_after=True): the blocks are r, z, n, '
                                'and the reset gate multiplies h W_hn + b_hn after the product '
                                "(reset-after)'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
