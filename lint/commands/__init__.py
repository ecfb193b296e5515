"""Subcommands of ``newslint`` (see ``lint.cli.COMMANDS``)."""
