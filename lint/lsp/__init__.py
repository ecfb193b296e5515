"""The newslint language server: live diagnostics, quick fixes and rule docs
on hover for drafts in any LSP editor (``newslint lsp``).

``lint.lsp.positions`` and ``lint.lsp.linting`` are plain Python;
``lint.lsp.server`` is the pygls adapter, imported only by ``newslint lsp``.
"""
