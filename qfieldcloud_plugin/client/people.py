"""People: users, project collaborators, organization members and teams, subscriptions."""

import logging
from typing import Any, Dict, List, Optional, cast

from .api_base import ApiBase, seg, wire_value
from .errors import QfcRequestException
from .models import (
    CollaboratorModel,
    OrganizationMemberModel,
    OrganizationMemberRole,
    ProjectCollaboratorRole,
    SubscriptionModel,
    TeamMemberModel,
    TeamModel,
)

logger = logging.getLogger(__name__)


class PeopleApi(ApiBase):
    """Endpoints of `users/`, `collaborators/`, `members/`, teams and subscriptions. Mixed into `Client`."""

    def create_user(
        self,
        username: str,
        password: str,
        email: str,
        exist_ok: bool = False,
    ) -> Optional[Dict[str, Any]]:
        """Create a user account (staff only); None if it exists and `exist_ok`."""
        try:
            return self.transport.request_json(
                "POST",
                "users/",
                json_body={"username": username, "password": password, "email": email},
            )
        except QfcRequestException as exc:
            if exist_ok and exc.status_code == 409:
                return None
            raise

    def get_project_collaborators(self, project_id: str) -> List[CollaboratorModel]:
        return cast(List[CollaboratorModel], self.transport.paginate(f"collaborators/{seg(project_id)}/"))

    def add_project_collaborator(
        self,
        project_id: str,
        username: str,
        role: ProjectCollaboratorRole,
    ) -> CollaboratorModel:
        return self.transport.request_json(
            "POST",
            f"collaborators/{seg(project_id)}/",
            json_body={"collaborator": username, "role": wire_value(role)},
        )

    def remove_project_collaborator(self, project_id: str, username: str) -> None:
        self.transport.request("DELETE", f"collaborators/{seg(project_id)}/{seg(username)}/")

    def patch_project_collaborators(
        self,
        project_id: str,
        username: str,
        role: ProjectCollaboratorRole,
    ) -> CollaboratorModel:
        return self.transport.request_json(
            "PATCH",
            f"collaborators/{seg(project_id)}/{seg(username)}/",
            json_body={"role": wire_value(role)},
        )

    def get_organization_members(self, organization: str) -> List[OrganizationMemberModel]:
        return cast(List[OrganizationMemberModel], self.transport.paginate(f"members/{seg(organization)}/"))

    def add_organization_member(
        self,
        organization: str,
        username: str,
        role: OrganizationMemberRole,
        is_public: bool = False,
    ) -> OrganizationMemberModel:
        return self.transport.request_json(
            "POST",
            f"members/{seg(organization)}/",
            json_body={"member": username, "role": wire_value(role), "is_public": bool(is_public)},
        )

    def remove_organization_members(
        self,
        organization: Optional[str] = None,
        username: Optional[str] = None,
        *,
        project_id: Optional[str] = None,
    ) -> None:
        """Remove a member. `project_id=` is accepted as the SDK's (mis)name for the organization."""
        organization = _organization_arg(organization, project_id, username)
        self.transport.request("DELETE", f"members/{seg(organization)}/{seg(username)}/")

    def patch_organization_members(
        self,
        organization: Optional[str] = None,
        username: Optional[str] = None,
        role: Optional[OrganizationMemberRole] = None,
        *,
        project_id: Optional[str] = None,
    ) -> OrganizationMemberModel:
        """Change a member's role. `project_id=` is accepted as the SDK's (mis)name for the organization."""
        organization = _organization_arg(organization, project_id, username)
        if role is None:
            raise TypeError("patch_organization_members() needs a role")
        return self.transport.request_json(
            "PATCH",
            f"members/{seg(organization)}/{seg(username)}/",
            json_body={"role": wire_value(role)},
        )

    def get_organization_teams(self, organization: str) -> List[TeamModel]:
        return self.transport.request_json("GET", f"organizations/{seg(organization)}/teams/", feature=_TEAMS)

    def create_organization_team(self, organization: str, team_name: str) -> TeamModel:
        return self.transport.request_json(
            "POST",
            f"organizations/{seg(organization)}/teams/",
            feature=_TEAMS,
            json_body={"team": team_name},
        )

    def get_organization_team(self, organization: str, team_name: str) -> TeamModel:
        return self.transport.request_json("GET", _team_path(organization, team_name), feature=_TEAMS)

    def patch_organization_team(self, organization: str, team_name: str, new_team_name: str) -> TeamModel:
        """Rename a team (PUT, as the SDK does)."""
        return self.transport.request_json(
            "PUT",
            _team_path(organization, team_name),
            feature=_TEAMS,
            json_body={"team": new_team_name},
        )

    def delete_organization_team(self, organization: str, team_name: str) -> None:
        self.transport.request("DELETE", _team_path(organization, team_name), feature=_TEAMS)

    def get_organization_team_members(self, organization: str, team_name: str) -> List[TeamMemberModel]:
        return self.transport.request_json(
            "GET",
            _team_path(organization, team_name) + "members/",
            feature=_TEAMS,
        )

    def add_organization_team_member(self, organization: str, team_name: str, member_username: str) -> TeamMemberModel:
        return self.transport.request_json(
            "POST",
            _team_path(organization, team_name) + "members/",
            feature=_TEAMS,
            json_body={"member": member_username},
        )

    def remove_organization_team_member(self, organization: str, team_name: str, member_username: str) -> None:
        self.transport.request(
            "DELETE",
            _team_path(organization, team_name) + f"members/{seg(member_username)}/",
            feature=_TEAMS,
        )

    def current_subscription(self, account: str) -> SubscriptionModel:
        return self.transport.request_json("GET", f"subscriptions/{seg(account)}/current/", feature="subscriptions")

    def get_user_organizations(self, username: str) -> List[Dict[str, Any]]:
        """The organizations of `username` (yourself only; 403 for others)."""
        return self.transport.request_json("GET", f"users/{seg(username)}/organizations/")


# What older servers may lack, named in the error they cause (see Transport.request's `feature`).
_TEAMS = "organization teams"


def _organization_arg(organization: Optional[str], project_id: Optional[str], username: Optional[str]) -> str:
    name = organization if organization is not None else project_id
    if not name or not username:
        raise TypeError("an organization and a username are required")
    return name


def _team_path(organization: str, team_name: str) -> str:
    """The URL path of one team of an organization (the API names a team by its short name)."""
    return f"organizations/{seg(organization)}/teams/{seg(team_name)}/"
