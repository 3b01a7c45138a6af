OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _rng = np.random.default_rng(2)\n'
                                '>>> _x, _h, _c = (torch.tensor(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5, 5))\n'
                                ">>> _params = make_params('lstm', 2, 5, seed=2, forget_bias=1.0)\n"
                                '>>> _cell = nn.LSTMCell(2, 5)\n'
                                ">>> _keys = _cell.load_state_dict({'weight_ih': "
                                "torch.tensor(_params['W_x'].T), 'weight_hh': "
                                "torch.tensor(_params['W_h'].T), 'bias_ih': "
                                "torch.tensor(_params['b']), 'bias_hh': torch.zeros(20)})\n"
                                '>>> _h_ref, _c_ref = (t.detach().numpy() for t in _cell(_x, (_h, '
                                '_c)))\n'
                                '>>> _ours = call(lambda: lstm_cell(_x, _h, _c, tensors(_params)), '
                                "'lstm_cell(x, h, c, p)').parts(2, 'a pair (h_new, c_new)')\n"
                                ">>> report(_ours.item(1, 'c_new').tensor(like=_c).holds(lambda v: "
                                'np.allclose(v, _c_ref, atol=1e-05), "c_new differs from '
                                "nn.LSTMCell's: c_new = f ⊙ c + i ⊙ g, with the blocks in the "
                                'order i, f, g, o and tanh for g only"), _ours.item(0, '
                                "'h_new').tensor(like=_h).holds(lambda v: np.allclose(v, _h_ref, "
                                'atol=1e-05), "h_new differs from nn.LSTMCell\'s: h_new = o ⊙ '
                                'tanh(c_new)"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
