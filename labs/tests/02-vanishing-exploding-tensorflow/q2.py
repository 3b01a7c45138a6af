OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _xavier = call(lambda: init_std(200, 200, 'xavier'), "
                                '\'init_std(200, 200, "xavier")\')\n'
                                ">>> _he = call(lambda: init_std(400, 100, 'he'), 'init_std(400, "
                                '100, "he")\')\n'
                                '>>> _layer = keras.layers.Dense(100)\n'
                                '>>> _layer.build((None, 400))\n'
                                '>>> _ = _layer.kernel.assign(tf.ones((400, 100)))\n'
                                '>>> _ = _layer.bias.assign(tf.ones(100))\n'
                                ">>> _done = call(lambda: init_layer(_layer, 'he'), "
                                '\'init_layer(layer, "he")\', in_place=True)\n'
                                ">>> _w = expect(_layer.kernel, 'the kernel after "
                                'init_layer(layer, "he")\')\n'
                                ">>> report(_xavier.number(float).close(0.0707107, 'init_std(200, "
                                '200, "xavier") should be √(2 / (200 + 200))\', atol=1e-06), '
                                '_he.number(float).close(0.0707107, \'init_std(400, 100, "he") '
                                "should be √(2 / fan_in), with fan_in = 400', atol=1e-06), _done, "
                                "_w.holds(lambda w: w.std() > 0, 'init_layer left the kernel "
                                "constant: draw it from a Gaussian').holds(lambda w: abs(w.std() - "
                                'np.sqrt(2 / 100)) > 0.005, "the kernel\'s spread matches fan_in = '
                                '100, but this layer has 400 inputs: a Dense kernel has shape '
                                '(inputs, units)").holds(lambda w: abs(w.std() - np.sqrt(2 / 400)) '
                                "< 0.005, 'the standard deviation of the kernel after "
                                'init_layer(layer, "he") is not init_std(400, 100, '
                                '"he")\').holds(lambda w: abs(w.mean()) < 0.005, \'the kernel '
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
