"""``python -m lint`` runs the command-line interface."""

from lint.cli import main

raise SystemExit(main())
