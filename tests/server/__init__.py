"""A local stand-in for a QFieldCloud server (app.qfield.cloud), for tests, demos and benchmarks.

It reproduces the REST API contract of `/api/v1/` (see the shared contract document): routes,
error codes, pagination, roles, files with versions, jobs, packages and deltas. State lives in
SQLite plus blob files on disk. Start it with `python -m tests.server --help`.
"""
