OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _x, _y = (x_batch[:40], y_batch[:40])\n'
                                '>>> tw.set_seed(1)\n'
                                '>>> _linear = nn.Sequential(nn.Linear(64, 10))\n'
                                '>>> _start = '
                                'float(nn.functional.cross_entropy(_linear(torch.as_tensor(_x)), '
                                'torch.as_tensor(_y)).detach())\n'
                                '>>> _curve = call(lambda: train(_linear, _x, _y, 5, 0.1), '
                                "'train(model, x, y, 5, 0.1) for a linear model')\n"
                                '>>> _resid = call(lambda: make_net(3, True, width=8), '
                                "'make_net(3, True, width=8)')\n"
                                '>>> _plain = call(lambda: make_net(3, False, width=8), '
                                "'make_net(3, False, width=8)')\n"
                                '>>> _probe = torch.as_tensor(x_batch[:5])\n'
                                '>>> report(_curve.holds(lambda c: isinstance(c, list) and len(c) '
                                "== 6 and all((type(v) is float for v in c)), 'train(model, x, y, "
                                '5, lr) should give a list of 6 Python floats: the loss before '
                                "each step and after the last').holds(lambda c: abs(c[0] - _start) "
                                "< 1e-05, 'the first loss should be the mean cross-entropy of the "
                                "untrained model').holds(lambda c: all((b < a for a, b in zip(c, "
                                "c[1:]))), 'gradient descent with a small learning rate on a "
                                'linear model should lower the loss at every step: step against '
                                "the gradient, θ ← θ − lr · ∇θ'), _resid.holds(lambda m: "
                                'isinstance(m, nn.Sequential) and len(m) == 5 and '
                                "all((isinstance(b, ResidualBlock) for b in m[1:4])), 'make_net(3, "
                                'True) should be an nn.Sequential: the input layer, 3 '
                                "ResidualBlocks, the output layer').holds(lambda m: "
                                'torch.allclose(m(_probe), m[-1](m[0](_probe)), atol=1e-06), "a '
                                "residual net should start as the identity path: zero each block's "
                                'linear2 weight and bias, so that the net computes '
                                'output_layer(input_layer(x))"), _plain.holds(lambda m: '
                                'isinstance(m, nn.Sequential) and len(m) == 5 and (not '
                                "any((isinstance(b, ResidualBlock) for b in m))), 'make_net(3, "
                                'False) should be an nn.Sequential of the input layer, 3 plain '
                                "blocks (no shortcut) and the output layer'), expect(plain_losses, "
                                "'plain_losses').holds(lambda c: isinstance(c, list) and len(c) == "
                                "STEPS + 1, 'plain_losses should be the list of STEPS + 1 losses "
                                "that train returns'), expect(residual_losses, "
                                "'residual_losses').holds(lambda c: isinstance(c, list) and len(c) "
                                "== STEPS + 1, 'residual_losses should be the list of STEPS + 1 "
                                "losses that train returns').holds(lambda c: c[-1] < 0.5 * c[0], "
                                '"the residual net\'s loss should fall well below its start: build '
                                'it with zero branches and train it like the plain one"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
