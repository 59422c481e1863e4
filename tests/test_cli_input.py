"""The CLI's input checks: bad numbers are usage errors, bad names are refused before sending,
and the commands a user reaches for at the wrong moment say what to do instead."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client

REPO = Path(__file__).resolve().parents[1]


def run(*args, url, token="t"):
    env = dict(os.environ, QFIELDCLOUD_URL=url, QFIELDCLOUD_TOKEN=token)
    return subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["list-projects", "--limit", "0"], "--limit"),
        (["list-projects", "--limit", "-5"], "--limit"),
        (["list-projects", "--offset", "-1"], "--offset"),
        (["list-files-and-nothing"], "invalid choice"),
        (["list-jobs", "P", "--limit", "ten"], "not a whole number"),
        (["job-wait", "J", "--poll-interval", "0.1"], "1 s or more"),
        (["job-wait", "J", "--poll-interval", "nan"], "--poll-interval"),
        (["job-wait", "J", "--timeout", "0"], "--timeout"),
        (["--concurrency", "0", "list-files", "P"], "0 is too small: give 1 or more"),
        (["--concurrency", "129", "list-files", "P"], "129 is too large: give 128 or less"),
    ],
)
def test_bad_numbers_are_usage_errors_before_any_request(fake, args, fragment):
    result = run(*args, url=fake.url)
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr
    assert fake.requests == []


@pytest.mark.parametrize("name", ["my project", "äöü", "a/b", "x" * 256, "semi;colon"])
def test_an_invalid_project_name_gets_the_allowed_pattern_before_sending(fake, name):
    result = run("create-project", name, url=fake.url)
    assert result.returncode == 1 and "a-zA-Z0-9" in result.stderr and "Traceback" not in result.stderr
    assert fake.requests == []
    result = run("patch-project", "P", "--name", name, url=fake.url)
    assert result.returncode == 1 and "a-zA-Z0-9" in result.stderr and fake.requests == []


@pytest.mark.parametrize(
    "args, feature",
    [
        (["teams-list", "acme"], "organization teams"),
        (["current-subscription", "alice"], "subscriptions"),
        (["get-project-seed", "P"], "project seeds"),
    ],
)
def test_an_older_server_without_an_endpoint_says_so(fake, args, feature):
    result = run(*args, url=fake.url)  # the fake answers every unknown route with Django's HTML 404
    assert result.returncode == 1 and f"does not offer {feature}" in result.stderr
    assert "is the URL a QFieldCloud API URL" not in result.stderr


def test_package_download_before_any_package_says_how_to_make_one(qfc_server, test_users, unique_name, tmp_path):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    project = client.create_project(unique_name)
    result = run("package-download", project["id"], str(tmp_path), url=qfc_server.url, token=client.token)
    assert result.returncode == 1 and "no package yet" in result.stderr
    assert f"job-trigger {project['id']} package" in result.stderr


def test_logout_with_an_expired_token_succeeds(qfc_server, test_users):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    token = client.token
    assert run("logout", url=qfc_server.url, token=token).returncode == 0
    again = run("logout", url=qfc_server.url, token=token)
    assert again.returncode == 0 and "Already logged out" in again.stdout
