"""newslint: an editorial style and quality linter for German news text.

Importing this package is cheap: it loads no rule pack, no plugin and no heavy
library, only the code cache (``lint.code_cache``: compiled code of newslint's
modules kept where Python keeps none). The Python API is imported on first use::

    from lint import check_text
    for diagnostic in check_text("Ein beispielloser Erfolg."):
        print(diagnostic.code, diagnostic.message)
"""

from lint import code_cache as _code_cache

__version__ = "0.1.0"

_code_cache.install()  # compiled code kept where Python keeps none (PYTHONDONTWRITEBYTECODE)

__all__ = ["__version__", "check_text", "check_file"]


def __getattr__(name: str):
    if name in ("check_text", "check_file"):
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
