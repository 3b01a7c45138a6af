OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _xavier = call(lambda: init_std(200, 200, 'xavier'), "
                                '\'init_std(200, 200, "xavier")\')\n'
                                ">>> _he = call(lambda: init_std(400, 100, 'he'), 'init_std(400, "
                                '100, "he")\')\n'
                                '>>> _layer = nn.Linear(400, 100)\n'
                                '>>> with torch.no_grad():\n'
                                '...     _ = _layer.weight.fill_(1.0)\n'
                                '...     _ = _layer.bias.fill_(1.0)\n'
                                ">>> _done = call(lambda: init_layer(_layer, 'he'), "
                                '\'init_layer(layer, "he")\', in_place=True)\n'
                                ">>> _w = expect(_layer.weight, 'the weight after "
                                'init_layer(layer, "he")\')\n'
                                ">>> report(_xavier.number(float).close(0.0707107, 'init_std(200, "
                                '200, "xavier") should be √(2 / (200 + 200))\', atol=1e-06), '
                                '_he.number(float).close(0.0707107, \'init_std(400, 100, "he") '
                                "should be √(2 / fan_in), with fan_in = 400', atol=1e-06), _done, "
                                "_w.holds(lambda w: w.std() > 0, 'init_layer left the weights "
                                "constant: draw them from a Gaussian').holds(lambda w: abs(w.std() "
                                '- np.sqrt(2 / 100)) > 0.005, "the weights\' spread matches fan_in '
                                "= 100, but this layer has 400 inputs: nn.Linear's weight has "
                                'shape (out_features, in_features)").holds(lambda w: abs(w.std() - '
                                "np.sqrt(2 / 400)) < 0.005, 'the standard deviation of the weights "
                                'after init_layer(layer, "he") is not init_std(400, 100, '
                                '"he")\').holds(lambda w: abs(w.mean()) < 0.005, \'the weights '
                                "should have mean zero'), expect(_layer.bias, 'the bias after "
                                "init_layer').holds(lambda b: (b == 0).all(), 'init_layer should "
                                "set the bias to zero'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
