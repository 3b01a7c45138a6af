OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, expect, report\n'
                                '>>> _double = keras.Sequential([keras.Input((3,)), '
                                'keras.layers.Dense(3, use_bias=False)])\n'
                                '>>> _ = _double.layers[0].kernel.assign(2 * tf.eye(3))\n'
                                '>>> _ratio = call(lambda: input_grad_ratio(_double, np.ones((2, '
                                '3), np.float32), np.ones((2, 3), np.float32)), '
                                "'input_grad_ratio(stack, x0, r) for stack(x) = 2x')\n"
                                '>>> _stack = call(lambda: zero_branch_stack(4, 6), '
                                "'zero_branch_stack(4, 6)')\n"
                                '>>> _x = tf.reshape(tf.linspace(-3.0, 3.0, 12), (2, 6))\n'
                                '>>> report(_ratio.number(float).holds(lambda v: abs(v - 2) < '
                                "1e-05, 'for stack(x) = 2x the ratio should be 2: divide the norm "
                                "of ∂L/∂x_0 by the norm of ∂L/∂x_L (here r itself)'), "
                                '_stack.holds(lambda s: isinstance(s, keras.Sequential) and '
                                'len(s.layers) == 4 and all((isinstance(b, ResidualBlock) for b in '
                                "s.layers)), 'zero_branch_stack(4, 6) should be a keras.Sequential "
                                "of 4 ResidualBlock(6)s'), call(lambda: _stack.value(_x), "
                                "'zero_branch_stack(4, 6)(x)').tensor(like=_x).holds(lambda v: "
                                'np.allclose(v, _x.numpy(), atol=1e-06), "a stack of zero branches '
                                'should return its input unchanged: zero both the kernel and the '
                                'bias of each block\'s dense2"), expect(zero_ratio, '
                                "'zero_ratio').number(float).holds(lambda v: abs(v - 1) < 1e-05, "
                                "'with zero branches ∂L/∂x_0 equals ∂L/∂x_L, so zero_ratio should "
                                "be 1'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
