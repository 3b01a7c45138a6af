OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _y = bn_forward_eval(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), '
                                'torch.tensor([1.0, 1.0]), torch.tensor([4.0, 0.25]), '
                                'torch.tensor([1.0, 2.0]), torch.tensor([0.0, 1.0]), 0.0)\n'
                                '>>> [[round(v, 4) for v in row] for row in _y.tolist()]\n'
                                '[[0.0, 5.0], [1.0, 13.0]]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
