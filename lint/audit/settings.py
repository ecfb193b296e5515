"""The ``[tool.newslint.audit]`` configuration table: ``scheduler`` (a Dask address)."""

from __future__ import annotations

from typing import Any

from lint.plugins.hookspecs import hookimpl


def validate_audit(value: Any) -> dict:
    if not isinstance(value, dict) or set(value) - {"scheduler"}:
        raise ValueError('a table with the key scheduler, e.g. scheduler = "dask://10.0.0.5:8786"')
    scheduler = value.get("scheduler")
    if scheduler is not None and not (isinstance(scheduler, str) and scheduler.startswith(("dask://", "tcp://", "tls://"))):
        raise ValueError("scheduler is a Dask address: dask://HOST:PORT")
    return dict(value)


@hookimpl
def register_settings():
    from lint.model.config import Setting

    return [Setting("audit", {}, validate_audit, "Archiv-Prüfung: Adresse eines Dask-Schedulers")]
