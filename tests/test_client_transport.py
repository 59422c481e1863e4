"""Transport behaviour of the client against a scriptable loopback HTTP server.

These cover what a real QFieldCloud rarely shows on demand: HTML error pages, garbage,
resets, truncated bodies, 5xx retries, redirects to other origins, proxies, timeouts.
"""

import json
import logging
import re

import pytest

from qfieldcloud_plugin.client import (
    USER_AGENT,
    AuthenticationError,
    Client,
    ConnectionFailedError,
    InvalidResponseError,
    NotFoundError,
    Pagination,
    PermissionDeniedError,
    QfcException,
    QfcRequestException,
    ServerError,
    normalize_url,
)
from qfieldcloud_plugin.client.models import LIST_PAGE_SIZE
from tests.support.fake_http import FakeServer, Reply, closed_port, json_reply

SECRET = "S3cr3tT0k3n" * 9  # pragma: allowlist secret (a fake token the test checks is never leaked)
PID = "6f1f5d2e-9a4b-4c3d-8e7f-0123456789ab"


def make_client(url, **kwargs):
    client = Client(url, token=kwargs.pop("token", SECRET), **kwargs)
    client.transport.backoff_factor = 0.01
    return client


def test_html_404_page_names_the_likely_cause(fake):
    client = make_client(fake.url)
    with pytest.raises(NotFoundError) as info:
        client.get_project(PID)
    err = info.value
    assert err.status_code == 404
    assert err.code is None
    assert "HTML page instead of JSON: is the URL a QFieldCloud API URL?" in str(err)
    assert "\n" not in str(err)


def test_html_500_page_is_a_server_error_with_one_line(fake):
    fake.route(
        "GET",
        f"api/v1/projects/{PID}/",
        Reply(500, {"Content-Type": "text/html"}, b"<html><body>\n<h1>Server Error (500)</h1>\n</body></html>"),
    )
    with pytest.raises(ServerError) as info:
        make_client(fake.url).get_project(PID)
    assert info.value.status_code == 500
    assert "HTML page instead of JSON" in str(info.value)
    assert "\n" not in str(info.value)


def test_200_html_page_means_a_wrong_url(fake):
    fake.route("GET", "api/v1/status/", Reply(200, {"Content-Type": "text/html"}, b"<!doctype html><p>Welcome</p>"))
    with pytest.raises(InvalidResponseError) as info:
        make_client(fake.url).check_server_status()
    assert "is the URL a QFieldCloud API URL?" in str(info.value)


def test_non_json_error_body_is_quoted_on_one_line(fake):
    fake.route("GET", "api/v1/status/", Reply(418, {"Content-Type": "text/plain"}, b"I am\na teapot"))
    with pytest.raises(QfcRequestException) as info:
        make_client(fake.url).check_server_status()
    assert info.value.status_code == 418
    assert "non-JSON body: I am a teapot" in str(info.value)


def test_server_code_message_and_debug_detail_are_shown(fake):
    payload = {
        "code": "api_error",
        "message": "API Error",
        "debug": {"detail": {"name": ["Only letters, digits, - _ and . are allowed."]}},
    }
    fake.route("POST", "api/v1/projects/", json_reply(payload, 400))
    with pytest.raises(QfcRequestException) as info:
        make_client(fake.url).create_project("name-the-server-refuses")
    err = info.value
    assert (err.status_code, err.code, err.message) == (400, "api_error", "API Error")
    assert "Only letters, digits" in str(err)


@pytest.mark.parametrize(
    "status,code,cls",
    [
        (401, "token_authentication_failed", AuthenticationError),
        (403, "permission_denied", PermissionDeniedError),
        (404, "object_not_found", NotFoundError),
        (400, "object_not_found", NotFoundError),  # 2024-09 servers
        (503, "status_not_ok", ServerError),
    ],
)
def test_status_codes_map_to_exception_classes(fake, status, code, cls):
    fake.route("GET", f"api/v1/projects/{PID}/", json_reply({"code": code, "message": "Some text"}, status))
    client = make_client(fake.url, max_retries=0)
    with pytest.raises(cls) as info:
        client.get_project(PID)
    assert isinstance(info.value, QfcException)
    assert info.value.code == code


def test_token_never_appears_in_errors_reprs_or_logs(fake, caplog):
    fake.route(
        "GET",
        f"api/v1/projects/{PID}/",
        json_reply({"code": "token_authentication_failed", "message": "Token authentication failed"}, 401),
    )
    caplog.set_level(logging.DEBUG)
    client = make_client(fake.url)
    with pytest.raises(AuthenticationError) as info:
        client.get_project(PID)
    unreachable = make_client(f"http://127.0.0.1:{closed_port()}/", max_retries=0)
    with pytest.raises(ConnectionFailedError) as info2:
        unreachable.get_project(PID)
    texts = [str(info.value), repr(info.value), str(info2.value), repr(info2.value), repr(client), caplog.text]
    assert fake.requests[0].headers["Authorization"] == f"Token {SECRET}"
    for text in texts:
        assert SECRET not in text


def test_unreachable_server_names_the_url_and_what_to_check():
    port = closed_port()
    client = make_client(f"http://127.0.0.1:{port}/", max_retries=1)
    with pytest.raises(ConnectionFailedError) as info:
        client.check_server_status()
    text = str(info.value)
    assert f"127.0.0.1:{port}" in text
    assert "Check the URL" in text
    assert info.value.status_code is None


def test_garbage_answer_is_a_connection_error(fake):
    fake.route("GET", "api/v1/status/", Reply(raw=b"HELLO THERE\r\n\r\n"))
    with pytest.raises(ConnectionFailedError) as info:
        make_client(fake.url, max_retries=0).check_server_status()
    assert fake.root.rstrip("/") in str(info.value)


def test_connection_reset_is_a_connection_error_after_retries(fake):
    fake.route("GET", "api/v1/status/", Reply(reset=True))
    with pytest.raises(ConnectionFailedError):
        make_client(fake.url, max_retries=2).check_server_status()
    assert len(fake.requests) == 3


def test_truncated_json_body_is_an_error_not_a_crash(fake):
    fake.route(
        "GET",
        "api/v1/status/",
        Reply(200, {"Content-Type": "application/json"}, b'{"database": "o', announce_length=200),
    )
    with pytest.raises(ConnectionFailedError) as info:
        make_client(fake.url, max_retries=0).check_server_status()
    assert "cut short: got 15 of 200 bytes" in str(info.value)


def test_get_is_retried_on_503_honouring_retry_after(fake):
    fake.route(
        "GET",
        "api/v1/status/",
        json_reply({"code": "x", "message": "busy"}, 503, {"Retry-After": "0"}),
        json_reply({"database": "ok", "storage": "ok"}),
    )
    assert make_client(fake.url).check_server_status()["database"] == "ok"
    assert len(fake.requests) == 2


def test_retries_give_up_with_the_last_server_error(fake):
    fake.route("GET", "api/v1/status/", Reply(502, {"Content-Type": "text/html"}, b"<html>Bad Gateway</html>"))
    with pytest.raises(ServerError) as info:
        make_client(fake.url, max_retries=2).check_server_status()
    assert info.value.status_code == 502
    assert len(fake.requests) == 3


def test_a_plain_post_is_never_retried(fake):
    fake.route(
        "POST",
        "api/v1/projects/",
        json_reply({"code": "x", "message": "busy"}, 503, {"Retry-After": "0"}),
        json_reply({"id": PID, "name": "p"}, 201),
    )
    with pytest.raises(ServerError):
        make_client(fake.url).create_project("p")
    assert len(fake.requests) == 1


def test_an_upload_is_retried_with_the_whole_body_again(fake, tmp_path):
    data = bytes(range(256)) * 4000
    (tmp_path / "a.bin").write_bytes(data)
    fake.route(
        "POST", f"api/v1/files/{PID}/a.bin/", json_reply({"code": "x", "message": "busy"}, 503), json_reply({}, 201)
    )
    make_client(fake.url).upload_file(PID, "project", tmp_path / "a.bin", "a.bin")
    assert len(fake.requests) == 2
    assert fake.requests[0].body_size == fake.requests[1].body_size > len(data)
    assert data in fake.requests[1].body


def test_read_timeout_applies_to_calls(fake, monkeypatch):
    fake.route("GET", "api/v1/status/", Reply(200, {"Content-Type": "application/json"}, b"{}", delay=3))
    monkeypatch.setenv("QFC_SDK_READ_TIMEOUT_S", "0.3")
    client = make_client(fake.url, max_retries=0)
    assert client.read_timeout == 0.3
    with pytest.raises(ConnectionFailedError) as info:
        client.check_server_status()
    assert "did not answer within 0.3 s" in str(info.value)


def test_timeouts_come_from_arguments_then_env_then_defaults(monkeypatch):
    monkeypatch.delenv("QFC_SDK_CONNECT_TIMEOUT_S", raising=False)
    monkeypatch.delenv("QFC_SDK_READ_TIMEOUT_S", raising=False)
    assert (Client("http://h/").connect_timeout, Client("http://h/").read_timeout) == (10.0, 300.0)
    monkeypatch.setenv("QFC_SDK_CONNECT_TIMEOUT_S", "3")
    assert Client("http://h/").connect_timeout == 3.0
    assert Client("http://h/", connect_timeout=7).connect_timeout == 7.0
    monkeypatch.setenv("QFC_SDK_READ_TIMEOUT_S", "soon")
    with pytest.raises(QfcException, match="Invalid timeout"):
        Client("http://h/")


def test_user_agent_is_sdk_type_and_not_qgis(fake):
    fake.route("GET", "api/v1/status/", json_reply({"database": "ok"}))
    make_client(fake.url).check_server_status()
    agent = fake.requests[0].headers["User-Agent"]
    assert agent == USER_AGENT
    assert agent.startswith("sdk|")
    assert re.search(r" QGIS/[34]\d{4}(/.*)?$", agent) is None
    assert "Authorization" not in fake.requests[0].headers  # status/ is called without the token


def test_redirect_to_another_port_drops_the_token(fake, tmp_path):
    with FakeServer() as storage:
        body = b"object bytes"
        storage.route("GET", "bucket/a.txt", Reply(200, {"Content-Type": "application/octet-stream"}, body))
        fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(302, {"Location": storage.root + "bucket/a.txt?sig=1"}))
        make_client(fake.url).download_file(PID, "project", tmp_path / "a.txt", "a.txt")
        assert (tmp_path / "a.txt").read_bytes() == body
        assert fake.requests[0].headers["Authorization"] == f"Token {SECRET}"
        assert "Authorization" not in storage.requests[0].headers


def test_redirect_to_another_host_drops_the_token(fake, tmp_path):
    with FakeServer() as storage:
        storage.route("GET", "bucket/b.txt", Reply(200, {}, b"b"))
        fake.route(
            "GET",
            f"api/v1/files/{PID}/b.txt/",
            Reply(302, {"Location": f"http://localhost:{storage.port}/bucket/b.txt"}),
        )
        make_client(fake.url).download_file(PID, "project", tmp_path / "b.txt", "b.txt")
        assert (tmp_path / "b.txt").read_bytes() == b"b"
        assert "Authorization" not in storage.requests[0].headers


def test_relative_301_is_resolved_and_keeps_the_token_on_the_same_origin(fake):
    fake.route("GET", f"api/v1/projects/{PID}/", Reply(301, {"Location": "../moved/"}))
    fake.route("GET", "api/v1/projects/moved/", json_reply({"id": PID, "name": "moved"}))
    assert make_client(fake.url).get_project(PID)["name"] == "moved"
    assert fake.requests[1].path == "/api/v1/projects/moved/"
    assert fake.requests[1].headers["Authorization"] == f"Token {SECRET}"


@pytest.mark.parametrize(
    "old, new, keeps_token",
    [
        ("http://qfc.example/a", "http://qfc.example:80/b", True),  # the default port, written out
        ("https://qfc.example/a", "https://QFC.example:443/b", True),  # host names are not case-sensitive
        ("HTTPS://qfc.example/a", "https://qfc.example/b", True),  # nor are schemes
        ("https://qfc.example/a", "http://qfc.example:443/b", False),  # a downgrade to plain http
        ("http://qfc.example/a", "https://qfc.example/b", False),  # requests keeps it here; we do not
        ("https://qfc.example/a", "https://qfc.example:8443/b", False),
        ("https://qfc.example/a", "https://storage.example/b", False),
    ],
)
def test_which_redirects_keep_the_token(old, new, keeps_token):
    """The origin rule requests asks before it follows a redirect: scheme, host and port must match."""
    from qfieldcloud_plugin.client.transport import _Session

    with _Session() as session:
        assert session.should_strip_auth(old, new) is not keeps_token


def _paged(items, max_limit=None):
    def handler(request):
        from urllib.parse import parse_qs

        query = {k: v[0] for k, v in parse_qs(request.query).items()}
        if "limit" not in query:
            return json_reply(items)
        limit, offset = int(query["limit"]), int(query.get("offset", 0))
        if max_limit:
            limit = min(limit, max_limit)
        headers = {"X-Total-Count": str(len(items))}
        if offset + limit < len(items):
            headers["X-Next-Page"] = (
                f"https://elsewhere.invalid/api/v1/projects/?include-public=0&limit={limit}&offset={offset + limit}"
            )
        return json_reply(items[offset : offset + limit], headers=headers)

    return handler


def test_pagination_follows_next_links_and_flattens(fake):
    items = [{"id": str(i), "name": f"p{i}"} for i in range(47)]
    fake.route("GET", "api/v1/projects/", _paged(items, max_limit=20))  # a server capping pages at 20
    client = make_client(fake.url)
    assert client.list_projects() == items
    assert len(fake.requests) == 3  # 20 + 20 + 7, each asked from our own base URL
    # the first page alone, then the rest at once (they may arrive in any order)
    asked = [r.query.split("limit=")[1] for r in fake.requests]
    assert asked[0] == f"{LIST_PAGE_SIZE}&offset=0" and sorted(asked[1:]) == ["20&offset=20", "20&offset=40"]
    assert client.list_projects(pagination=Pagination(limit=5, offset=10)) == items[10:15]
    assert client.list_projects(pagination=Pagination(offset=10)) == items[10:30]  # the SDK's 20 per page


def test_listing_asks_large_pages_and_streams_them(fake):
    items = [{"id": str(i), "name": f"p{i}"} for i in range(2 * LIST_PAGE_SIZE + LIST_PAGE_SIZE // 2)]
    fake.route("GET", "api/v1/projects/", _paged(items))
    client = make_client(fake.url)
    stream = client.iter_projects()
    assert next(stream) == items[0]
    assert len(fake.requests) == 1  # the first page is usable before the next one is asked
    assert [items[0], *stream] == items
    assert len(fake.requests) == 3  # two whole pages and a half
    assert client.list_projects() == items


def test_no_paging_parameters_on_post_or_patch(fake):
    fake.route("POST", "api/v1/projects/", json_reply({"id": PID, "name": "p"}, 201))
    fake.route("PATCH", f"api/v1/projects/{PID}/", json_reply({"id": PID, "name": "p"}))
    client = make_client(fake.url)
    client.create_project("p")
    client.patch_project(PID, is_public=False, description="")
    assert [r.query for r in fake.requests] == ["", ""]
    assert json.loads(fake.requests[1].body) == {"is_public": False, "description": ""}


def test_proxies_are_used(fake):
    fake.route("GET", "api/v1/status/", json_reply({"database": "ok"}))
    client = make_client("http://qfieldcloud.example.invalid/", proxies={"http": fake.root})
    assert client.check_server_status() == {"database": "ok"}
    assert fake.requests[0].headers["Host"] == "qfieldcloud.example.invalid"


def test_connection_pool_fits_the_concurrency():
    client = Client("https://h/", concurrency=16)
    for scheme in ("http://h/", "https://h/"):
        assert client.session.get_adapter(scheme)._pool_maxsize >= 16


@pytest.mark.parametrize(
    "given,expected",
    [
        ("http://127.0.0.1:8011", "http://127.0.0.1:8011/api/v1/"),
        ("http://127.0.0.1:8011/", "http://127.0.0.1:8011/api/v1/"),
        ("https://example.org/api/v1", "https://example.org/api/v1/"),
        ("https://example.org/api/v1/", "https://example.org/api/v1/"),
        ("https://example.org/qfc/", "https://example.org/qfc/api/v1/"),
    ],
)
def test_url_is_normalised_to_the_api_base(given, expected):
    assert normalize_url(given) == expected
    assert Client(given).url == expected


def test_url_comes_from_env_then_default(monkeypatch):
    monkeypatch.setenv("QFIELDCLOUD_URL", "http://10.0.0.1:8000")
    assert Client().url == "http://10.0.0.1:8000/api/v1/"
    monkeypatch.delenv("QFIELDCLOUD_URL")
    assert Client().url == "https://app.qfield.cloud/api/v1/"
    with pytest.raises(QfcException, match="must start with http"):
        Client("app.qfield.cloud")


def test_tls_verification_is_on_by_default_and_env_can_disable(monkeypatch, tmp_path):
    monkeypatch.delenv("QFIELDCLOUD_VERIFY_SSL", raising=False)
    assert Client("https://h/").verify_ssl is True
    for value in ("0", "false", "No"):
        monkeypatch.setenv("QFIELDCLOUD_VERIFY_SSL", value)
        assert Client("https://h/").verify_ssl is False
    monkeypatch.setenv("QFIELDCLOUD_VERIFY_SSL", "1")
    assert Client("https://h/").verify_ssl is True
    bundle = tmp_path / "ca.pem"
    bundle.write_text("")
    assert Client("https://h/", verify_ssl=str(bundle)).verify_ssl == str(bundle)


def test_token_comes_from_env(monkeypatch, fake):
    fake.route("GET", "api/v1/auth/user/", json_reply({"username": "alice"}))
    monkeypatch.setenv("QFIELDCLOUD_TOKEN", "envtoken")
    assert Client(fake.url).get_user()["username"] == "alice"
    assert fake.requests[0].headers["Authorization"] == "Token envtoken"


def test_seed_xlsform_is_saved_under_the_base_name_the_server_suggests(fake, tmp_path):
    content = b"PK\x03\x04 an xlsx file"
    fake.route(
        "GET",
        "api/v1/projects/{}/seed/xlsform/".format("0" * 8),
        Reply(200, {"Content-Disposition": 'attachment; filename="../../evil/form.xlsx"'}, content),
    )
    saved = make_client(fake.url).get_project_seed_xlsform("0" * 8, str(tmp_path))
    assert saved == str(tmp_path / "form.xlsx")
    assert (tmp_path / "form.xlsx").read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.xlsx"]  # no temporary file left


def test_a_seed_download_cut_short_leaves_nothing_behind(fake, tmp_path):
    (tmp_path / "xlsform.xlsx").write_bytes(b"previous")
    fake.route(
        "GET", "api/v1/projects/{}/seed/xlsform/".format("0" * 8), Reply(200, {}, b"partial", announce_length=1000)
    )
    with pytest.raises(ConnectionFailedError):
        make_client(fake.url, max_retries=0).get_project_seed_xlsform("0" * 8, str(tmp_path))
    assert (tmp_path / "xlsform.xlsx").read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xlsform.xlsx"]
