"""newslint: an editorial style and quality linter for German news text.

Importing this package is cheap: it loads no rule pack, no plugin and no heavy
library. The Python API is imported on first use::

    from lint import check_text
    for diagnostic in check_text("Ein beispielloser Erfolg."):
        print(diagnostic.code, diagnostic.message)
"""

__version__ = "0.1.0"

__all__ = ["__version__", "check_text", "check_file"]


def __getattr__(name: str):
    if name in ("check_text", "check_file"):
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
