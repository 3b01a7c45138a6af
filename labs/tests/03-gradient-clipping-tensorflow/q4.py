OK_FORMAT = True

test = {'name': 'q4',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> def _moved(before, params):\n'
                                '...     return float(tf.sqrt(tf.add_n([tf.reduce_sum((p - q) ** '
                                '2) for p, q in zip(params, before)])))\n'
                                '>>> _params = init_params(0.1, seed=0)\n'
                                '>>> _before = [tf.identity(p) for p in _params]\n'
                                '>>> _start_loss = float(tf.reduce_mean(tf.square(forward(_params, '
                                'X[:32]) - Y[:32])))\n'
                                '>>> _clipped = call(lambda: sgd_step(_params, X[:32], Y[:32], '
                                "0.1, max_norm=0.001), 'sgd_step(params, x, y, 0.1, "
                                "max_norm=1e-3)').parts(2, 'a pair (loss, global_norm)')\n"
                                '>>> _clipped_move = _moved(_before, _params)\n'
                                '>>> _free_params = init_params(0.1, seed=0)\n'
                                '>>> _free = call(lambda: sgd_step(_free_params, X[:32], Y[:32], '
                                "0.1), 'sgd_step(params, x, y, 0.1)').parts(2, 'a pair (loss, "
                                "global_norm)')\n"
                                ">>> report(_clipped.item(0, 'the "
                                "loss').number(float).holds(lambda v: abs(v - _start_loss) < 1e-05 "
                                "* _start_loss, 'the loss should be the mean squared error of "
                                "forward(params, x) against y before the step'), _clipped.item(1, "
                                "'the global norm').number(float).holds(lambda n: n > 0.01, 'the "
                                "global norm should be the one before clipping, not after'), "
                                "_clipped.holds(lambda _: _clipped_move > 0, 'sgd_step did not "
                                'change the parameters: update the variables in params in '
                                "place').holds(lambda _: _clipped_move <= 0.1 * 0.001 * 1.001, "
                                "'with max_norm = 1e-3 the parameters moved by more than lr × "
                                "max_norm: clip the gradient before the update'), "
                                '_free.holds(lambda v: abs(_moved(_before, _free_params) / (0.1 * '
                                'v[1]) - 1) < 0.001, "without clipping (max_norm=None) the '
                                'parameters should move by exactly lr × the gradient\'s norm"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
