OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _x = torch.tensor(np.random.default_rng(1).normal(size=(8, '
                                '3)) * 3 + 1, dtype=torch.float32)\n'
                                '>>> _layer = nn.BatchNorm1d(3, momentum=0.1)\n'
                                '>>> with torch.no_grad():\n'
                                '...     _ = _layer(_x)\n'
                                '>>> _old_mean, _old_var = (torch.zeros(3), torch.ones(3))\n'
                                '>>> _new = call(lambda: update_running_stats(_old_mean, _old_var, '
                                "_x, 0.1), 'update_running_stats(mean, var, x, 0.1)').parts(2, 'a "
                                "pair (new_running_mean, new_running_var)')\n"
                                ">>> report(_new.item(0, 'the new running "
                                "mean').tensor(shape=(3,), dtype='float32').holds(lambda m: "
                                'np.allclose(m, _layer.running_mean, atol=1e-05), "the new running '
                                "mean differs from nn.BatchNorm1d's: check which of the old "
                                'average and the batch\'s mean momentum weighs"), _new.item(1, '
                                "'the new running variance').tensor(shape=(3,), "
                                "dtype='float32').holds(lambda v: np.allclose(v, "
                                '_layer.running_var, atol=1e-05), "the new running variance '
                                "differs from nn.BatchNorm1d's: check which batch variance "
                                '(divided by m or by m − 1) the layer stores"), expect((_old_mean, '
                                "_old_var), 'the arguments').holds(lambda a: bool((a[0] == "
                                "0).all() and (a[1] == 1).all()), 'update_running_stats changed "
                                "its arguments: return new tensors instead'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
