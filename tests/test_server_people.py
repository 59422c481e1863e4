"""Contract §10 against the local server: collaborators, members, teams, users, subscriptions."""

import pytest

from tests.server.http_client import Api, error_code


@pytest.fixture(scope="module")
def carol(qfc_server, test_users):
    return Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="sdk|py|people")


def test_collaborators(alice, carol, unique_name):
    project = alice.create_project(unique_name)
    url = f"collaborators/{project['id']}/"
    added = alice.post(url, data={"collaborator": "carol"})
    assert added.status_code == 201 and added.json()["role"] == "reader" and added.json()["collaborator"] == "carol"
    assert error_code(alice.post(url, data={"collaborator": "carol"})) == "validation_error"
    assert error_code(alice.post(url, data={"collaborator": "alice"})) == "validation_error"
    assert carol.get(url).status_code == 403  # even GET needs admin or manager
    listed = alice.get(url, params={"limit": 5})
    assert listed.headers["X-Total-Count"] == "1"
    assert set(listed.json()[0]) == {
        "project_id",
        "collaborator",
        "role",
        "created_by",
        "updated_by",
        "created_at",
        "updated_at",
    }
    assert alice.patch(f"{url}carol/", data={"role": "manager"}).json()["role"] == "manager"
    assert carol.get(url).status_code == 200
    assert alice.delete(f"{url}carol/").status_code == 204
    assert alice.get(f"{url}carol/").status_code == 404


def test_org_members_teams_and_roles(alice, carol, unique_name):
    project = alice.create_project(unique_name, owner="acme")
    pid = project["id"]
    assert alice.get("members/nobody-org/").status_code == 403
    assert error_code(alice.post(f"collaborators/{pid}/", data={"collaborator": "carol"})) == "validation_error"
    joined = alice.post("members/acme/", data={"member": "carol", "role": "member"})
    assert joined.status_code in (201, 400)  # idempotent across test reruns on one server
    members = {m["member"]: m for m in carol.get("members/acme/").json()}
    assert members["alice"]["role"] == "admin" and members["carol"]["organization"] == "acme"
    assert carol.post("members/acme/", data={"member": "dave"}).status_code == 403
    assert carol.get(f"projects/{pid}/").status_code == 403  # a plain member has no project role
    team = f"t-{unique_name}"[:50]
    created = alice.post("organizations/acme/teams/", data={"team": team})
    assert created.status_code == 201 and created.json() == {"team": team, "organization": "acme", "members": []}
    assert alice.post(f"organizations/acme/teams/{team}/members/", data={"member": "carol"}).status_code == 201
    assert carol.get(f"organizations/acme/teams/{team}/members/").json() == [{"member": "carol"}]
    assert (
        alice.post(f"collaborators/{pid}/", data={"collaborator": f"@acme/{team}", "role": "editor"}).status_code == 201
    )
    via_team = carol.get(f"projects/{pid}/").json()
    assert via_team["user_role"] == "editor" and via_team["user_role_origin"] == "team_member"
    assert alice.get(f"projects/{pid}/").json()["user_role_origin"] == "organization_owner"
    assert alice.get("organizations/nobody-org/teams/").status_code == 403
    orgs = carol.get("users/carol/organizations/").json()
    acme = next(org for org in orgs if org["username"] == "acme")
    assert acme["type"] == 2 and acme["organization_owner"] == "alice" and team in acme["teams"]
    assert carol.get("users/alice/organizations/").status_code == 403
    assert alice.delete(f"organizations/acme/teams/{team}/members/carol/").status_code == 204
    assert carol.get(f"projects/{pid}/").status_code == 403
    assert alice.delete(f"organizations/acme/teams/{team}/").status_code == 204


def test_subscriptions_and_users(alice, carol):
    mine = alice.get("subscriptions/alice/current/").json()
    assert {"plan_display_name", "storage_used_bytes", "active_storage_total_bytes"} <= set(mine)
    assert carol.get("subscriptions/alice/current/").status_code == 403
    assert alice.get("subscriptions/acme/current/").status_code == 200
    users = alice.get("users/", params={"limit": 2})
    assert users.status_code == 200 and int(users.headers["X-Total-Count"]) >= 2
