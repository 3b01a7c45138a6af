OK_FORMAT = True

test = {'name': 'q5',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import expect, report\n'
                                '>>> _finite = {c: v for c, v in final_losses.items() if c is not '
                                'None and np.isfinite(v)} if isinstance(final_losses, dict) else '
                                '{}\n'
                                ">>> report(expect(final_losses, 'final_losses').keys([None] + "
                                'THRESHOLDS).holds(lambda d: all((type(v) is float for v in '
                                "d.values())), 'each final loss should be a Python float (NaN for "
                                "a run that diverged)').holds(lambda d: not d[None] < 10 * "
                                "constant_loss, 'the run without clipping should diverge (NaN or a "
                                'huge loss): is max_norm=None passed on as no '
                                "clipping?').holds(lambda d: min(_finite.values(), default=np.inf) "
                                "< constant_loss, 'no clipped run ends below constant_loss: check "
                                'the learning rate, the batches and that each run starts from '
                                "init_params(0.25, 33)'), expect(best_threshold, "
                                "'best_threshold').holds(lambda c: c in _finite and _finite[c] == "
                                "min(_finite.values()), 'best_threshold should be the threshold "
                                "whose run ends with the lowest finite loss'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
