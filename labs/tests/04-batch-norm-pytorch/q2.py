OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _x = torch.tensor(np.random.default_rng(1).normal(size=(8, '
                                '3)) * 3 + 1, dtype=torch.float32)\n'
                                '>>> _layer = nn.BatchNorm1d(3, momentum=0.1)\n'
                                '>>> with torch.no_grad():\n'
                                '...     _ = _layer(_x)\n'
                                '>>> _m, _v = update_running_stats(torch.zeros(3), torch.ones(3), '
                                '_x, 0.1)\n'
                                '>>> [bool(torch.allclose(_m, _layer.running_mean, atol=1e-05)), '
                                'bool(torch.allclose(_v, _layer.running_var, atol=1e-05))]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
