"""Errors that reach the user as one clear line on stderr (exit code 2)."""


class UserError(Exception):
    """A usage, configuration or input problem: reported without a traceback."""


class ConfigError(UserError):
    """A configuration file or rule file is invalid."""


class InputError(UserError):
    """A file cannot be read as text."""


class BackendUnavailable(Exception):
    """A rule's external backend (e.g. a LanguageTool server) cannot be used.

    The engine records the message once as a notice (``Engine.notices``,
    printed as ``newslint: note:``); the other rules run on and the exit code
    is not affected.
    """


class Cancelled(Exception):
    """A lint was stopped because its result is no longer wanted (the editor sent a newer version)."""
