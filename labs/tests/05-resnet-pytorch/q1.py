OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _block = call(lambda: ResidualBlock(8), 'ResidualBlock(8)')\n"
                                '>>> _x = torch.linspace(-4, 4, 24).reshape(3, 8)\n'
                                ">>> _out = call(lambda: _block.value(_x), 'ResidualBlock(8)(x)')\n"
                                '>>> _layers = expect([getattr(_block.value, n, None) for n in '
                                '(\'linear1\', \'linear2\')], "the block\'s linear1 and linear2")\n'
                                '>>> _zero = ResidualBlock(8)\n'
                                '>>> _relu = ResidualBlock(8)\n'
                                '>>> with torch.no_grad():\n'
                                '...     if all((isinstance(getattr(_b, n, None), nn.Linear) for '
                                "_b in (_zero, _relu) for n in ('linear1', 'linear2'))):\n"
                                '...         _ = _zero.linear2.weight.zero_()\n'
                                '...         _ = _zero.linear2.bias.zero_()\n'
                                '...         _ = _relu.linear1.weight.zero_()\n'
                                '...         _ = _relu.linear1.bias.fill_(-1.0)\n'
                                '...         _ = _relu.linear2.weight.copy_(torch.eye(8))\n'
                                '...         _ = _relu.linear2.bias.zero_()\n'
                                '>>> report(_layers.holds(lambda v: all((isinstance(layer, '
                                'nn.Linear) and layer.in_features == layer.out_features == 8 and '
                                "(layer.bias is not None) for layer in v)), 'the block should hold "
                                'two nn.Linear(width, width) layers with bias, as self.linear1 and '
                                "self.linear2'), _out.tensor(like=_x), call(lambda: _zero(_x), 'a "
                                "block whose linear2 is zero').tensor(like=_x).holds(lambda v: "
                                "np.allclose(v, _x.numpy(), atol=1e-06), 'with linear2 set to zero "
                                'the block should return its input unchanged: add x to the branch, '
                                "and apply no activation after the sum'), call(lambda: _relu(_x), "
                                "'a block whose linear1 outputs -1').tensor(like=_x).holds(lambda "
                                "v: np.allclose(v, _x.numpy(), atol=1e-06), 'the branch should "
                                'apply a ReLU between linear1 and linear2: here linear1 gives -1 '
                                "everywhere, so the branch should give 0'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
