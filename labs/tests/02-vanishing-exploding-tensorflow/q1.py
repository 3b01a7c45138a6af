OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _z = tf.constant([[-100.0, -2.0, 0.0], [2.0, 30.0, 100.0]])\n'
                                ">>> _g = call(lambda: sigmoid_grad(_z), 'sigmoid_grad(z)')\n"
                                '>>> report(_g.tensor(like=_z, finite=False).holds(lambda v: '
                                "np.isfinite(v).all(), 'sigmoid_grad(z) gives NaN or inf at z = "
                                "±100: use tf.sigmoid, not exp by hand').holds(lambda v: abs(v[0, "
                                "2] - 0.25) < 1e-06, 'sigmoid_grad(0) should be σ(0)(1 − σ(0)) = "
                                "1/4').holds(lambda v: (v >= 0).all() and (v <= 0.25 + "
                                '1e-07).all(), "σ\'(z) lies between 0 and 1/4, but some of your '
                                'values do not").holds(lambda v: abs(v[0, 1] - v[1, 0]) < 1e-06, '
                                '"σ\' is symmetric, σ\'(−z) = σ\'(z), but your values at z = −2 '
                                'and z = 2 differ"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
