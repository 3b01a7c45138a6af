OK_FORMAT = True

test = {'name': 'q1',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                ">>> _block = call(lambda: ResidualBlock(8), 'ResidualBlock(8)')\n"
                                '>>> _x = tf.reshape(tf.linspace(-4.0, 4.0, 24), (3, 8))\n'
                                ">>> _out = call(lambda: _block.value(_x), 'ResidualBlock(8)(x)')\n"
                                '>>> _layers = expect([getattr(_block.value, n, None) for n in '
                                '(\'dense1\', \'dense2\')], "the block\'s dense1 and dense2")\n'
                                '>>> _zero = ResidualBlock(8)\n'
                                '>>> _relu = ResidualBlock(8)\n'
                                '>>> if all((isinstance(getattr(_b, n, None), keras.layers.Dense) '
                                "for _b in (_zero, _relu) for n in ('dense1', 'dense2'))):\n"
                                '...     _ = (_zero(_x), _relu(_x))\n'
                                '...     _ = _zero.dense2.kernel.assign(tf.zeros((8, 8)))\n'
                                '...     _ = _zero.dense2.bias.assign(tf.zeros(8))\n'
                                '...     _ = _relu.dense1.kernel.assign(tf.zeros((8, 8)))\n'
                                '...     _ = _relu.dense1.bias.assign(-tf.ones(8))\n'
                                '...     _ = _relu.dense2.kernel.assign(tf.eye(8))\n'
                                '...     _ = _relu.dense2.bias.assign(tf.zeros(8))\n'
                                '>>> report(_layers.holds(lambda v: all((isinstance(layer, '
                                'keras.layers.Dense) and layer.units == 8 and layer.use_bias and '
                                '(layer.activation is keras.activations.linear) for layer in v)), '
                                "'the block should hold two keras.layers.Dense(width) layers with "
                                "bias and no activation, as self.dense1 and self.dense2'), "
                                "_out.tensor(like=_x), call(lambda: _zero(_x), 'a block whose "
                                "dense2 is zero').tensor(like=_x).holds(lambda v: np.allclose(v, "
                                "_x.numpy(), atol=1e-06), 'with dense2 set to zero the block "
                                'should return its input unchanged: add x to the branch, and apply '
                                "no activation after the sum'), call(lambda: _relu(_x), 'a block "
                                "whose dense1 outputs -1').tensor(like=_x).holds(lambda v: "
                                "np.allclose(v, _x.numpy(), atol=1e-06), 'the branch should apply "
                                'a ReLU between dense1 and dense2: here dense1 gives -1 '
                                "everywhere, so the branch should give 0'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
