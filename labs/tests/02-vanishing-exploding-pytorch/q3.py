OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> tw.set_seed(1)\n'
                                ">>> _model = tw.mlp([4, 6, 5, 3], activation='tanh')\n"
                                '>>> _rng = np.random.default_rng(1)\n'
                                '>>> _x, _y = (_rng.normal(size=(8, 4)).astype(np.float32), '
                                '_rng.integers(0, 3, size=8))\n'
                                '>>> _norms = call(lambda: grad_norms(_model, _x, _y), '
                                "'grad_norms(model, x, y)')\n"
                                '>>> _again = call(lambda: grad_norms(_model, _x, _y), '
                                "'grad_norms(model, x, y), called a second time')\n"
                                '>>> _helper = [float(v) for v in tw.layer_grad_norms(_model, _x, '
                                '_y)]\n'
                                ">>> report(_norms.parts(3, 'a list of 3 norms, one per weight "
                                "matrix of a 3-layer model').holds(lambda v: all((type(n) is float "
                                "for n in v)), 'grad_norms should give Python floats (use "
                                "float(...))').holds(lambda v: not np.allclose(v, len(_y) * "
                                'np.array(_helper), rtol=0.001), "your norms are the batch size '
                                "times tw.layer_grad_norms': take the mean of the cross-entropy "
                                'over the batch, not the sum").holds(lambda v: np.allclose(v, '
                                "_helper, rtol=0.001), 'your norms differ from "
                                'tw.layer_grad_norms(model, x, y): take the mean cross-entropy of '
                                'the logits, and the gradient of each weight matrix (not its '
                                "bias), input side first'), _again.holds(lambda v: np.allclose(v, "
                                "_helper, rtol=0.001), 'a second call gives other norms than the "
                                'first: the gradients from the first call were not cleared (zero '
                                "them before the backward pass)'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
