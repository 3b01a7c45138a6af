OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> _a = layer_grads(x_batch, w0, readout, True)\n'
                                '>>> _b = layer_grads(x_batch, 3 * w0, readout, True)\n'
                                '>>> [round(_b[0] / _a[0], 2), round(_a[1] / _b[1], 2)]\n'
                                '[1.0, 3.0]',
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
