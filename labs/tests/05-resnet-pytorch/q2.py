OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _block = call(lambda: ProjectionBlock(8, 4), '
                                "'ProjectionBlock(8, 4)')\n"
                                '>>> _x = torch.linspace(-2, 2, 24).reshape(3, 8)\n'
                                ">>> _short = expect(getattr(_block.value, 'shortcut', None), "
                                '"the block\'s shortcut")\n'
                                '>>> _zeroed = ProjectionBlock(8, 4)\n'
                                '>>> with torch.no_grad():\n'
                                "...     if isinstance(getattr(_zeroed, 'linear2', None), "
                                'nn.Linear):\n'
                                '...         _ = _zeroed.linear2.weight.zero_()\n'
                                '...         _ = _zeroed.linear2.bias.zero_()\n'
                                ">>> report(call(lambda: _block.value(_x), 'ProjectionBlock(8, "
                                "4)(x)').tensor(shape=(3, 4), dtype='float32'), "
                                '_short.holds(lambda s: isinstance(s, nn.Linear) and '
                                "(s.in_features, s.out_features) == (8, 4), 'self.shortcut should "
                                "be an nn.Linear(d_in, d_out)').holds(lambda s: s.bias is None, "
                                "'the shortcut should have no bias (bias=False)'), call(lambda: "
                                "_zeroed(_x), 'a ProjectionBlock whose linear2 is "
                                "zero').holds(lambda v: np.allclose(v, "
                                "_zeroed.shortcut(_x).detach().numpy(), atol=1e-06), 'with linear2 "
                                'set to zero the block should give shortcut(x): add the projected '
                                "input to the branch'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
