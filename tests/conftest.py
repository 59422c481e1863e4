"""Fixtures shared by the whole suite: the local QFieldCloud server over loopback."""

import itertools

import pytest

from tests.support.local_server import TEST_ORGS, TEST_USERS, LocalServer


@pytest.fixture(scope="session")
def qfc_server(tmp_path_factory):
    """One local server for the whole session, on a free loopback port."""
    server = LocalServer(data_dir=tmp_path_factory.mktemp("qfc-data"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def test_users():
    return dict(TEST_USERS)


@pytest.fixture(scope="session")
def test_orgs():
    return dict(TEST_ORGS)


_names = itertools.count(1)


@pytest.fixture
def unique_name(request):
    """A project name no other test uses (project names are unique per owner)."""
    base = "".join(c if c.isalnum() else "-" for c in request.node.name)[:60]
    return f"{base}-{next(_names)}"
