"""Logged-in raw API sessions on the session server, for the server contract tests.

Registered as a pytest plugin by `tests/conftest.py`.
"""

import pytest

from tests.server.http_client import Api


@pytest.fixture(scope="module")
def alice(qfc_server, test_users):
    return Api.login(qfc_server.url, "alice", test_users["alice"])


@pytest.fixture(scope="module")
def bob(qfc_server, test_users):
    return Api.login(qfc_server.url, "bob", test_users["bob"])
