"""The built-in plugins, registered in code (as tox does).

They implement the same hooks as third-party plugins, but they are not
entry points: a new built-in needs no reinstall, and start-up reads no
package metadata for them. Only third-party plugins come from the
``newslint`` entry-point group (``lint.plugins.registry``).
"""

from __future__ import annotations

import importlib

#: Modules implementing hooks of ``lint.plugins.hookspecs``, in registration order.
MODULES = (
    "lint.plugins.packs",
    "lint.readers.catalogue",
    "lint.readers.cms_settings",
    "lint.audit.settings",
    "lint.engine.house",
    "lint.engine.inputs",
    "lint.formats.catalogue",
    "lint.kinds.existence",
    "lint.kinds.substitution",
    "lint.kinds.unused_suppression",
    "lint.kinds.markup",
    "lint.kinds.structure",
    "lint.engine.profiles",
    "lint.kinds.name_variant",
    "lint.kinds.dangling_token",
    "lint.kinds.english_fragment",
    "lint.kinds.terminology_mix",
    "lint.kinds.number_format",
    "lint.kinds.text_pattern",
    "lint.kinds.truncated_text",
    "lint.kinds.figures",
    "lint.kinds.vague_source",
    "lint.kinds.number_style",
    "lint.kinds.date_consistency",
    "lint.kinds.age_consistency",
    "lint.kinds.share_sum",
    "lint.kinds.figure_consistency",
    "lint.kinds.metaphor",
    "lint.kinds.density",
    "lint.kinds.languagetool",
    "lint.kinds.readability",
    "lint.kinds.house_reject",
)


def deferred(module: str, function: str):
    """``module.function``, the module imported on the first call: a built-in
    reader or format is declared without loading its code. The stand-in carries
    the function's name and module (error messages name the module)."""

    def call(*args):
        return getattr(importlib.import_module(module), function)(*args)

    call.__module__, call.__name__, call.__qualname__ = module, function, function
    return call
