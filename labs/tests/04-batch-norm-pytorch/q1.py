OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _y = bn_forward_train(torch.tensor([[1.0, 10.0], [3.0, 10.0], '
                                '[5.0, 13.0]]), torch.ones(2), torch.zeros(2), 0.0)\n'
                                '>>> [[round(v, 4) for v in row] for row in _y.tolist()]\n'
                                '[[-1.2247, -0.7071], [0.0, -0.7071], [1.2247, 1.4142]]',
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> _y = '
                                'bn_forward_train(torch.tensor(np.random.default_rng(1).normal(5, '
                                '3, size=(50, 4)), dtype=torch.float32), torch.ones(4), '
                                'torch.zeros(4), 1e-05)\n'
                                '>>> [bool(_y.mean(dim=0).abs().max() < 1e-05), '
                                'bool((_y.std(dim=0, correction=0) - 1).abs().max() < 0.001)]\n'
                                '[True, True]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
