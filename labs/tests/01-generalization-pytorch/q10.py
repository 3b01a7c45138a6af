OK_FORMAT = True

test = {'name': 'q10',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _curve = [5.0, 3.0, 2.0, 2.5, 2.4, 2.6, 1.0]\n'
                                '>>> report(call(lambda: early_stopping(_curve, 3), '
                                "'early_stopping([5, 3, 2, 2.5, 2.4, 2.6, 1], 3)').parts(2, 'a "
                                "pair (best_epoch, stop_epoch)').close([3, 6], 'with patience 3 "
                                'the best epoch is 3 (loss 2, epochs counted from 1) and training '
                                "stops after epoch 6; the loss 1 of epoch 7 is never seen'), "
                                "call(lambda: early_stopping(_curve, 5), 'early_stopping([5, 3, 2, "
                                "2.5, 2.4, 2.6, 1], 5)').parts(2, 'a pair (best_epoch, "
                                "stop_epoch)').close([7, 7], 'with patience 5 training reaches "
                                "epoch 7, its best, and ends there'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
