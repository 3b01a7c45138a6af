OK_FORMAT = True

test = {'name': 'q2',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _block = call(lambda: ProjectionBlock(8, 4), '
                                "'ProjectionBlock(8, 4)')\n"
                                '>>> _x = tf.reshape(tf.linspace(-2.0, 2.0, 24), (3, 8))\n'
                                ">>> _out = call(lambda: _block.value(_x), 'ProjectionBlock(8, "
                                "4)(x)')\n"
                                ">>> _short = expect(getattr(_block.value, 'shortcut', None), "
                                '"the block\'s shortcut")\n'
                                '>>> _zeroed = ProjectionBlock(8, 4)\n'
                                ">>> if isinstance(getattr(_zeroed, 'dense2', None), "
                                'keras.layers.Dense):\n'
                                '...     _ = _zeroed(_x)\n'
                                '...     _ = _zeroed.dense2.kernel.assign(tf.zeros((4, 4)))\n'
                                '...     _ = _zeroed.dense2.bias.assign(tf.zeros(4))\n'
                                ">>> report(_out.tensor(shape=(3, 4), dtype='float32'), "
                                '_short.holds(lambda s: isinstance(s, keras.layers.Dense) and '
                                "s.units == 4, 'self.shortcut should be a "
                                "keras.layers.Dense(d_out)').holds(lambda s: not s.use_bias, 'the "
                                "shortcut should have no bias (use_bias=False)'), call(lambda: "
                                "_zeroed(_x), 'a ProjectionBlock whose dense2 is "
                                "zero').holds(lambda v: np.allclose(v, "
                                "_zeroed.shortcut(_x).numpy(), atol=1e-06), 'with dense2 set to "
                                'zero the block should give shortcut(x): add the projected input '
                                "to the branch'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
