OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _rng = np.random.default_rng(3)\n'
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
                                '>>> _ours, _theirs = (gru_cell(_x, _h, tensors(_params)), '
                                '_cell(_x, _h)[0])\n'
                                '>>> [_ours.shape.as_list(), float(tf.reduce_max(tf.abs(_ours - '
                                '_theirs))) < 1e-05]\n'
                                '[[3, 5], True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
