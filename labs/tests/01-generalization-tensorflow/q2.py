OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _x = tf.constant(np.linspace(-2.0, 2.0, 9))\n'
                                '>>> _fit = call(lambda: fit_polynomial(_x, 1 + _x ** 2 / 2, _x, 1 '
                                "+ _x ** 2 / 2, 3), 'fit_polynomial(x, y, x, y, 3)')\n"
                                ">>> _ = _fit.parts(3, 'a triple (w, train_loss, test_loss)')\n"
                                ">>> _losses = expect(poly_losses, 'poly_losses').keys(DEGREES)\n"
                                ">>> report(_fit.item(0, 'the weights w').tensor(shape=(4,), "
                                "dtype='float64').holds(lambda w: np.allclose(w, [1, 0, 1, 0], "
                                "atol=1e-06), 'for y = 1 + x²/2! exactly, the weights of degree 3 "
                                'should be (1, 0, 1, 0): fit the features of question 1 to the '
                                "training targets'), _fit.item(1, 'the training "
                                "loss').number(float).holds(lambda v: v < 1e-12, 'an exact "
                                "polynomial should have a training loss of (almost) 0'), "
                                "_fit.item(2, 'the test loss').number(float).holds(lambda v: v < "
                                "1e-12, 'here the test points are the training points, so the test "
                                "loss should be (almost) 0 too'), _losses.holds(lambda d: "
                                'all((isinstance(v, tuple) and len(v) == 2 for v in d.values())), '
                                "'each value of poly_losses should be a pair (train_loss, "
                                "test_loss)').holds(lambda d: all((d[b][0] <= d[a][0] * (1 + "
                                "1e-06) for a, b in zip(DEGREES, DEGREES[1:]))), 'the training "
                                'loss should never grow with the degree (a higher degree can do '
                                'all that a lower one does): fit each degree on its own features, '
                                "and pass fast=False to tf.linalg.lstsq'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
