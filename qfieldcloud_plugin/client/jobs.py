"""Jobs and deltas: trigger, follow and wait for server jobs; QField's edits."""

import logging
import time
from typing import Any, Callable, Dict, List, Optional, cast

from .api_base import ApiBase, seg, wire_value
from .errors import JobTimeoutError, TransferCancelledError
from .models import (
    DEFAULT_JOB_POLL_INTERVAL_S,
    DEFAULT_JOB_TIMEOUT_S,
    TERMINAL_JOB_STATUSES,
    CancelCheck,
    DeltaPushResponse,
    JobTypes,
    Pagination,
)
from .multipart import MultipartFileBody

logger = logging.getLogger(__name__)


class JobsApi(ApiBase):
    """Endpoints of `jobs/` and `deltas/`. Mixed into `Client`."""

    def list_jobs(
        self,
        project_id: str,
        job_type: Optional[JobTypes] = None,
        pagination: Optional[Pagination] = None,
    ) -> List[Dict[str, Any]]:
        """The project's jobs, filtered by `job_type` here because the server ignores `type`."""
        # project_id also goes in the body: servers of 2024-09 read it from there.
        jobs = self.transport.paginate(
            "jobs/",
            {"project_id": project_id},
            pagination,
            json_body={"project_id": project_id},
        )
        if job_type is not None:
            wanted = wire_value(job_type)
            jobs = [job for job in jobs if job.get("type") == wanted]
        return jobs

    def job_trigger(self, project_id: str, job_type: JobTypes, force: bool = False) -> Dict[str, Any]:
        """Start a job (201), or get the active `package` job back (200) unless `force`."""
        return self.transport.request_json(
            "POST",
            "jobs/",
            json_body={"project_id": project_id, "type": wire_value(job_type), "force": int(bool(force))},
        )

    def job_status(self, job_id: str) -> Dict[str, Any]:
        """The job with `status`, `feedback` and `output` (403 for an unknown id)."""
        return self.transport.request_json("GET", f"jobs/{seg(job_id)}/")

    def job_wait(
        self,
        job_id: str,
        timeout: float = DEFAULT_JOB_TIMEOUT_S,
        poll_interval: float = DEFAULT_JOB_POLL_INTERVAL_S,
        *,
        is_cancelled: Optional[CancelCheck] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Dict[str, Any]:
        """Poll the job until it is finished, failed or stopped; returns the last job dict.

        Raises JobTimeoutError after `timeout` seconds, TransferCancelledError if
        `is_cancelled()` becomes true. A failed job is returned, not raised.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            job = self.job_status(job_id)
            if job.get("status") in TERMINAL_JOB_STATUSES:
                return job
            if is_cancelled and is_cancelled():
                raise TransferCancelledError(f'Stopped waiting for job "{job_id}"')
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise JobTimeoutError(
                    f'Job "{job_id}" is still "{job.get("status")}" after {timeout:g} s',
                    job=job,
                )
            sleep(min(max(0.0, poll_interval), remaining))

    def push_delta(self, project_id: str, delta_filename: str) -> DeltaPushResponse:
        """Upload a deltafile (multipart `file`); returns the JSON answer, `{}` when empty."""
        body = MultipartFileBody(delta_filename, field_name="file", content_type="application/json")
        payload = self.transport.request_json(
            "POST",
            f"deltas/{seg(project_id)}/",
            data=body,
            headers={"Content-Type": body.content_type, "Accept": "application/json"},
        )
        return cast(DeltaPushResponse, payload if payload is not None else {})

    def list_deltas(self, project_id: str) -> List[Dict[str, Any]]:
        """The project's deltas (QField's edits), each with `created_by`, `created_at` and `status` (our addition)."""
        return self.transport.paginate(f"deltas/{seg(project_id)}/")
