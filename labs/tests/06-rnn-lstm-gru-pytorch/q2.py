OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _rng = np.random.default_rng(2)\n'
                                '>>> _x, _h, _c = (torch.tensor(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5, 5))\n'
                                ">>> _params = make_params('lstm', 2, 5, seed=2, forget_bias=1.0)\n"
                                '>>> _cell = nn.LSTMCell(2, 5)\n'
                                ">>> _keys = _cell.load_state_dict({'weight_ih': "
                                "torch.tensor(_params['W_x'].T), 'weight_hh': "
                                "torch.tensor(_params['W_h'].T), 'bias_ih': "
                                "torch.tensor(_params['b']), 'bias_hh': torch.zeros(20)})\n"
                                '>>> _ours, _theirs = (lstm_cell(_x, _h, _c, tensors(_params)), '
                                '_cell(_x, (_h, _c)))\n'
                                '>>> [float((a - b).detach().abs().max()) < 1e-05 for a, b in '
                                'zip(_ours, _theirs)]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
