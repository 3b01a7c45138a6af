OK_FORMAT = True

test = {'name': 'q6',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _x = np.random.default_rng(3).normal(size=(96, '
                                '8)).astype(np.float32)\n'
                                '>>> _layer = call(lambda: pretrain_layer(_x, 5, 3), '
                                "'pretrain_layer(x, 5, seed=3)').parts(3, 'a triple (W, b, "
                                "new_codes)')\n"
                                '>>> _again = call(lambda: pretrain_layer(_x, 5, 3)[0], '
                                "'pretrain_layer(x, 5, seed=3), called a second time')\n"
                                '>>> tw.set_seed(3)\n'
                                '>>> _untrained = tw.get_weights(tw.mlp([8, 5, 8], '
                                "activation='sigmoid'))[0][0]\n"
                                ">>> report(_layer, _layer.item(0, 'W').holds(lambda w: "
                                "np.shape(w) == (8, 5), 'W should have shape (n_in, n_code) = (8, "
                                "5), as tw.get_weights(autoencoder)[0] gives it').holds(lambda w: "
                                'not np.allclose(w, _untrained), "W is the untrained encoder\'s '
                                'weight: train the autoencoder with tw.fit before reading its '
                                'weights"), _layer.item(1, \'b\').holds(lambda b: np.shape(b) == '
                                "(5,), 'b should have shape (n_code,) = (5,)'), _layer.item(2, "
                                "'new_codes').holds(lambda c: np.shape(c) == (96, 5), 'new_codes "
                                'should have one row per example and one column per code unit, '
                                "shape (96, 5)').holds(lambda c: ((c > 0) & (c < 1)).all(), "
                                '"new_codes should lie between 0 and 1, the encoder\'s sigmoid '
                                'outputs: apply the sigmoid to codes @ W + b").holds(lambda c: '
                                'np.allclose(c, 1 / (1 + np.exp(-(_x @ _layer.value[0] + '
                                "_layer.value[1]))), atol=1e-05), 'new_codes should be σ(codes W + "
                                "b) for the W and b you return'), _again.holds(lambda w: "
                                "np.allclose(w, _layer.value[0]), 'a second call with the same "
                                'seed gives another W: call tw.set_seed(seed) right before '
                                "building the autoencoder'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False},
                       {'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _x = np.random.default_rng(4).normal(size=(80, '
                                '6)).astype(np.float32)\n'
                                '>>> _model = call(lambda: pretrained_mlp(_x, [6, 6, 6, 3], 9), '
                                "'pretrained_mlp(x, [6, 6, 6, 3], seed=9)')\n"
                                '>>> _first = call(lambda: pretrain_layer(_x, 6, 9), '
                                "'pretrain_layer(x, 6, seed=9)').parts(3, 'a triple (W, b, "
                                "new_codes)')\n"
                                '>>> _second = call(lambda: pretrain_layer(_first.value[2], 6, '
                                "10), 'pretrain_layer(new_codes, 6, seed=10)').parts(3, 'a triple "
                                "(W, b, new_codes)') if _first.ok else _first\n"
                                '>>> tw.set_seed(9)\n'
                                '>>> _head = tw.get_weights(tw.mlp([6, 6, 6, 3], '
                                "activation='sigmoid', init='xavier'))[-1]\n"
                                '>>> def _same(pair, reference):\n'
                                '...     return np.allclose(pair[0], reference[0], atol=1e-05) and '
                                'np.allclose(pair[1], reference[1], atol=1e-05)\n'
                                '>>> report(_first, _second, _model.holds(lambda m: '
                                "len(tw.get_weights(m)) == 3, 'pretrained_mlp should return the "
                                'model that tw.mlp(widths, ...) builds: 3 dense layers for these '
                                "widths').holds(lambda m: _same(tw.get_weights(m)[0], "
                                "_first.value), 'the first hidden layer should hold the encoder "
                                "that pretrain_layer(x, widths[1], seed) trains').holds(lambda m: "
                                '_same(tw.get_weights(m)[1], _second.value), "the second hidden '
                                "layer should hold the encoder pretrained on the first layer's "
                                'new_codes with seed + 1: each layer learns from the codes of the '
                                'layer below, not from x").holds(lambda m: '
                                "_same(tw.get_weights(m)[2], _head), 'the output layer should keep "
                                'the random weights of tw.mlp(widths, activation="sigmoid", '
                                'init="xavier") built right after '
                                "tw.set_seed(seed)').holds(lambda m: "
                                "np.allclose(tw.activation_stats(m, _x)['mean'], "
                                '[np.mean(_first.value[2]), np.mean(_second.value[2])], '
                                'atol=0.0001), "the model\'s hidden layers should apply the '
                                'sigmoid, as the encoders do"))\n'
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
