"""A thin `requests` wrapper used by the server's own contract tests (tests/test_server_*.py).

It deliberately knows nothing about the plugin's client: the contract tests check raw HTTP.
Logins use an `sdk|` User-Agent, a multi-token client type, so tests never log each other out.
"""

import time
from typing import Any, Dict, Optional
from urllib.parse import quote

import requests

USER_AGENT = "sdk|py|0.0 server-contract-tests"


class Api:
    def __init__(self, base_url: str, token: str = "", user_agent: str = USER_AGENT) -> None:
        self.base_url = base_url
        self.token = token
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent

    @classmethod
    def login(cls, base_url: str, username: str, password: str, user_agent: str = USER_AGENT) -> "Api":
        api = cls(base_url, user_agent=user_agent)
        response = api.post("auth/login/", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        api.token = response.json()["token"]
        api.username = username
        return api

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.token and "Authorization" not in headers:
            headers["Authorization"] = f"Token {self.token}"
        kwargs.setdefault("allow_redirects", False)
        url = path if path.startswith("http") else self.base_url + path
        return self.session.request(method, url, headers=headers, timeout=30, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    # -- conveniences ----------------------------------------------------------------------------

    def create_project(self, name: str, **fields: Any) -> Dict[str, Any]:
        response = self.post("projects/", json={"name": name, **fields})
        assert response.status_code == 201, response.text
        return response.json()

    def upload(self, project_id: str, name: str, content: bytes, part: str = "file") -> requests.Response:
        return self.post(file_path(project_id, name), files={part: ("ignored.bin", content)})

    def wait_job(self, job_id: str, timeout: float = 15.0) -> Dict[str, Any]:
        """Polls until the job reaches a terminal state."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(f"jobs/{job_id}/").json()
            if job["status"] in ("finished", "failed", "stopped"):
                return job
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish: {job}")

    def wait_idle(self, project_id: str, timeout: float = 15.0) -> Dict[str, Any]:
        """Polls until no job of the project is active; returns the project."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            project = self.get(f"projects/{project_id}/").json()
            if project["status"] != "busy":
                return project
            time.sleep(0.05)
        raise AssertionError(f"project {project_id} stayed busy")


def file_path(project_id: str, name: str, prefix: str = "files") -> str:
    """`files/<pid>/<percent-encoded segments>/`, as both official clients build it."""
    return f"{prefix}/{project_id}/" + "/".join(quote(segment, safe="") for segment in name.split("/")) + "/"


def error_code(response: requests.Response) -> Optional[str]:
    body = response.json()
    assert set(body) == {"code", "message"}, body
    return body["code"]
