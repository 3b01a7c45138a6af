OK_FORMAT = True

test = {'name': 'q3',
 'points': 2.0,
 'suites': [{'cases': [{'code': '>>> from trainwell.checks import call, report\n'
                                '>>> _g = [torch.tensor([3.0, 4.0]), torch.tensor([[12.0]])]\n'
                                '>>> _pair = call(lambda: clip_by_global_norm(_g, 6.5), '
                                "'clip_by_global_norm(g, 6.5) for a global norm of 13').parts(2, "
                                "'a pair (clipped, global_norm)')\n"
                                '>>> _within = call(lambda: clip_by_global_norm(_g, 20.0), '
                                "'clip_by_global_norm(g, 20) for a global norm of 13').parts(2, 'a "
                                "pair (clipped, global_norm)')\n"
                                ">>> report(_pair.item(1, 'the global "
                                "norm').number(float).holds(lambda n: abs(n - 13) < 0.0001, 'the "
                                'global norm of [(3, 4), (12,)] is √(9 + 16 + 144) = 13, before '
                                "clipping'), _pair.item(0, 'the clipped list').holds(lambda c: "
                                "isinstance(c, (list, tuple)) and len(c) == 2, 'the clipped "
                                'tensors should come as a list, one per input tensor, in the same '
                                "order').holds(lambda c: [tuple(t.shape) for t in c] == [(2,), (1, "
                                "1)], 'each clipped tensor should keep the shape of its "
                                "input').holds(lambda c: np.allclose(np.asarray(c[0]), [1.5, 2.0], "
                                'atol=1e-05) and np.allclose(np.asarray(c[1]), [[6.0]], '
                                "atol=1e-05), 'every tensor should be scaled by the same factor "
                                "6.5 / 13, not each by its own norm'), _within.item(0, 'the "
                                "clipped list').holds(lambda c: np.array_equal(np.asarray(c[0]), "
                                "[3, 4]) and np.array_equal(np.asarray(c[1]), [[12]]), 'tensors "
                                'whose global norm is within max_norm should come back '
                                "unchanged'))\n"
                                "'ok'",
                        'hidden': False,
                        'locked': False}],
             'scored': True,
             'setup': '',
             'teardown': '',
             'type': 'doctest'}]}
