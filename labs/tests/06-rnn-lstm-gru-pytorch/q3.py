OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _rng = np.random.default_rng(3)\n'
                                '>>> _x, _h = (torch.tensor(_rng.normal(size=(3, '
                                'n)).astype(np.float32)) for n in (2, 5))\n'
                                ">>> _params = make_params('gru', 2, 5, seed=3)\n"
                                '>>> _cell = nn.GRUCell(2, 5)\n'
                                ">>> _keys = _cell.load_state_dict({'weight_ih': "
                                "torch.tensor(_params['W_x'].T), 'weight_hh': "
                                "torch.tensor(_params['W_h'].T), 'bias_ih': "
                                "torch.tensor(_params['b']), 'bias_hh': "
                                "torch.tensor(_params['b_h'])})\n"
                                '>>> _ref = _cell(_x, _h).detach().numpy()\n'
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
                                'nn.GRUCell: the blocks are r, z, n, and the reset gate multiplies '
                                "h W_hn + b_hn after the product (reset-after)'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
