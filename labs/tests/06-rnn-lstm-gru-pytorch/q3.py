OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _rng = np.random.default_rng(3)\n'
                                '>>> _x, _h = (torch.tensor(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5))\n'
                                ">>> _params = make_params('gru', 2, 5, seed=3)\n"
                                '>>> _cell = nn.GRUCell(2, 5)\n'
                                ">>> _keys = _cell.load_state_dict({'weight_ih': "
                                "torch.tensor(_params['W_x'].T), 'weight_hh': "
                                "torch.tensor(_params['W_h'].T), 'bias_ih': "
                                "torch.tensor(_params['b']), 'bias_hh': "
                                "torch.tensor(_params['b_h'])})\n"
                                '>>> _ours, _theirs = (gru_cell(_x, _h, tensors(_params)), '
                                '_cell(_x, _h))\n'
                                '>>> [list(_ours.shape), float((_ours - '
                                '_theirs).detach().abs().max()) < 1e-05]\n'
                                '[[3, 5], True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
