"""The archive audit (``newslint audit``): an archive linted partition by
partition, locally or on Dask, findings as a Parquet dataset. Imports Dask and
pyarrow only when an audit runs (the ``audit`` extra)."""
