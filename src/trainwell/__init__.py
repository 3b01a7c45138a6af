"""Helpers shared by the Train Well notebooks and labs.

The top level is framework-neutral (``trainwell.data``, ``trainwell.plot``).
``trainwell.torch`` and ``trainwell.tf`` expose the same names and signatures;
importing one never imports the other.
"""

__version__ = "0.1.0"

IN_COLAB = False
try:  # pragma: no cover - depends on the runtime
    import google.colab  # noqa: F401

    IN_COLAB = True
except ImportError:
    pass
