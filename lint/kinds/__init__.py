"""Kinds: the closed set of mechanisms that rule files pick from.

One module per kind; each module is a plugin that registers its kind through
the ``register_kinds`` hook (listed in ``lint.plugins.builtin``).
"""
