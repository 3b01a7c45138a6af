OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _one = call(lambda: layer_grads(x_batch, w0, readout, True), '
                                "'layer_grads(x, w0, readout, True)').parts(2, 'a pair of norms "
                                "(‖∂ℓ/∂x‖, ‖∂ℓ/∂W‖)')\n"
                                '>>> _three = call(lambda: layer_grads(x_batch, 3 * w0, readout, '
                                "True), 'layer_grads(x, 3 w0, readout, True)').parts(2, 'a pair of "
                                "norms')\n"
                                '>>> _plain = call(lambda: layer_grads(x_batch, w0, readout, '
                                "False), 'layer_grads(x, w0, readout, False)').parts(2, 'a pair of "
                                "norms')\n"
                                '>>> _plain3 = call(lambda: layer_grads(x_batch, 3 * w0, readout, '
                                "False), 'layer_grads(x, 3 w0, readout, False)').parts(2, 'a pair "
                                "of norms')\n"
                                '>>> report(_one.holds(lambda v: all((type(n) is float and n > 0 '
                                "for n in v)), 'layer_grads should give two positive Python "
                                "floats'), _three.holds(lambda v: abs(v[0] / _one.value[0] - 1) < "
                                "0.01, 'with BN, ‖∂ℓ/∂x‖ should hardly change when W is multiplied "
                                'by 3: normalize x W with bn_forward_train when use_bn is '
                                "true').holds(lambda v: abs(v[1] / _one.value[1] - 1 / 3) < 0.01, "
                                "'with BN, ‖∂ℓ/∂W‖ should scale like 1/a: about a third when W is "
                                "multiplied by 3'), _plain3.holds(lambda v: abs(v[0] / "
                                "_plain.value[0] - 1) > 0.05, 'without BN, ‖∂ℓ/∂x‖ should change "
                                "with the scale of W: do not normalize when use_bn is false'), "
                                "expect(ratios, 'ratios').keys(['x_plain', 'x_bn', "
                                "'w_bn']).holds(lambda r: all((isinstance(v, list) and len(v) == 2 "
                                'and all((type(u) is float for u in v)) for v in r.values())), '
                                "'each entry of ratios should be a list of two Python floats: [a = "
                                "0.2 over a = 1, a = 5 over a = 1]').holds(lambda r: r['w_bn'][0] "
                                '> 1 > r[\'w_bn\'][1], "ratios[\'w_bn\'] should be [value at 0.2 / '
                                'value at 1, value at 5 / value at 1]: with BN the gradient of W '
                                'grows for the small scale and shrinks for the large one"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
