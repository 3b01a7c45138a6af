OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import expect, report\n'
                                '>>> def _fresh_ratio(depth):\n'
                                '...     tw.set_seed(200 + depth)\n'
                                '...     norms = grad_norms(tw.mlp([64] + [32] * depth + [10], '
                                "activation='sigmoid', init='xavier'), x_batch, y_batch)\n"
                                '...     return norms[0] / norms[-1]\n'
                                '>>> _depth = expect(vanishing_depth, '
                                "'vanishing_depth').number(int).holds(lambda d: 2 <= d < 40, "
                                "'vanishing_depth should be one of the depths tried, 2 to 39')\n"
                                ">>> _ratios = expect(depth_ratios, 'depth_ratios').holds(lambda "
                                "r: isinstance(r, dict) and len(r) > 0, 'depth_ratios should be a "
                                "dictionary depth -> ratio, with one entry per depth tried')\n"
                                '>>> report(_depth, _ratios.holds(lambda r: sorted(r) == '
                                "list(range(2, vanishing_depth + 1)), 'depth_ratios should have "
                                'the keys 2, 3, ..., vanishing_depth: one per depth tried, '
                                "stopping at the first ratio below 1e-4').holds(lambda r: "
                                "all((type(v) is float and v > 0 for v in r.values())), 'each "
                                "ratio should be a positive Python float').holds(lambda r: "
                                'r[vanishing_depth] < 0.0001 and all((v >= 0.0001 for d, v in '
                                "r.items() if d < vanishing_depth)), 'vanishing_depth should be "
                                "the first depth whose ratio is below 1e-4').holds(lambda r: r[2] "
                                '> 0.001, "the ratio at depth 2 is already tiny: is it the first '
                                "layer's norm over the last layer's (not the reverse or a "
                                'difference)?").holds(lambda r: abs(r[2] / _fresh_ratio(2) - 1) < '
                                "0.001, 'depth_ratios[2] is not what a model built right after "
                                'tw.set_seed(202) gives: call tw.set_seed(200 + depth) just before '
                                "building the model of each depth'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
