"""Errors that reach the user as one clear line on stderr (exit code 2)."""


class UserError(Exception):
    """A usage, configuration or input problem: reported without a traceback."""


class ConfigError(UserError):
    """A configuration file or rule file is invalid."""


class InputError(UserError):
    """A file cannot be read as text."""
