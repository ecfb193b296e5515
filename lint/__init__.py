"""newslint: an editorial style and quality linter for German news text.

Importing this package is cheap: it loads no rule pack, no plugin and no heavy
library; where Python keeps no bytecode, only the code cache (``lint.code_cache``:
compiled code of newslint's modules kept in its stead). The Python API is imported on first use::

    from lint import check_text
    for diagnostic in check_text("Ein beispielloser Erfolg."):
        print(diagnostic.code, diagnostic.message)
"""

import sys as _sys

__version__ = "0.1.0"

if _sys.dont_write_bytecode:  # compiled code kept where Python keeps none (PYTHONDONTWRITEBYTECODE, -B)
    from lint import code_cache as _code_cache

    _code_cache.install()

__all__ = ["__version__", "check_text", "check_file"]


def __getattr__(name: str):
    if name in ("check_text", "check_file"):
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
