"""Commands of jobs, deltas and the latest package."""

import os
from typing import Any, Dict, List, Sequence

from ..errors import QfcException
from ..models import DEFAULT_JOB_POLL_INTERVAL_S, DEFAULT_JOB_TIMEOUT_S, MIN_JOB_POLL_INTERVAL_S, JobTypes
from .arguments import CommandAdder, bool_flag, paginated, pagination_of, seconds
from .output import CommandFailed, Context, format_table


def _jobs_table(jobs: Sequence[Dict[str, Any]]) -> List[str]:
    if not jobs:
        return ["No jobs."]
    return format_table(
        ["ID", "TYPE", "STATUS", "CREATED AT", "FINISHED AT"],
        [[j.get("id"), j.get("type"), j.get("status"), j.get("created_at"), j.get("finished_at")] for j in jobs],
    )


def cmd_list_jobs(ctx: Context) -> None:
    a = ctx.args
    jobs = ctx.client.list_jobs(a.project_id, JobTypes(a.job_type) if a.job_type else None, pagination_of(a))
    jobs = sorted(jobs, key=lambda j: str(j.get("created_at") or ""))
    ctx.emit(jobs, lambda: _jobs_table(jobs))


def cmd_job_trigger(ctx: Context) -> None:
    a = ctx.args
    job = ctx.client.job_trigger(a.project_id, JobTypes(a.job_type), a.force)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" of type "{job.get("type")}" is {job.get("status")}.'])


def cmd_job_status(ctx: Context) -> None:
    job = ctx.client.job_status(ctx.args.job_id)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" ({job.get("type")}): {job.get("status")}'])


def cmd_job_wait(ctx: Context) -> None:
    a = ctx.args
    job = ctx.client.job_wait(a.job_id, timeout=a.timeout, poll_interval=a.poll_interval)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" ({job.get("type")}): {job.get("status")}'])
    if job.get("status") != "finished":
        raise CommandFailed(f'Job "{a.job_id}" ended with status "{job.get("status")}"')


def cmd_delta_push(ctx: Context) -> None:
    a = ctx.args
    if not os.path.isfile(a.delta_filename):
        raise QfcException(f'Delta file "{a.delta_filename}" does not exist')
    result = ctx.client.push_delta(a.project_id, a.delta_filename)
    ctx.emit(result, lambda: [f'Pushed delta file "{a.delta_filename}" to project "{a.project_id}".'])


def cmd_package_latest(ctx: Context) -> None:
    package = ctx.client.package_latest(ctx.args.project_id)

    def human() -> List[str]:
        lines = [f"Package status for {ctx.args.project_id}: {package.get('status')}"]
        for layer in (package.get("layers") or {}).values():
            state = "valid" if layer.get("is_valid") else "INVALID"
            lines.append(f'Layer "{layer.get("name")}": {state} ({layer.get("error_code")})')
        return lines

    ctx.emit(package, human)


def register(command: CommandAdder) -> None:
    """Add the group's commands to the parser."""
    job_types = [t.value for t in JobTypes]
    p = command("list-jobs", cmd_list_jobs, "List a project's jobs.")
    p.add_argument("project_id")
    p.add_argument("--type", dest="job_type", choices=job_types, default=None, help="Only jobs of this type.")
    paginated(p)
    p = command("job-trigger", cmd_job_trigger, "Start a job.")
    p.add_argument("project_id")
    p.add_argument("job_type", choices=job_types)
    bool_flag(p, "--force", "--no-force", "force", False, "Start a new job even if one is active.")
    command("job-status", cmd_job_status, "Show a job's status.").add_argument("job_id")
    p = command("job-wait", cmd_job_wait, "Wait until a job is finished, failed or stopped.")
    p.add_argument("job_id")
    p.add_argument(
        "--timeout", type=seconds(1.0), default=DEFAULT_JOB_TIMEOUT_S, help="Give up after this many seconds."
    )
    p.add_argument(
        "--poll-interval",
        type=seconds(MIN_JOB_POLL_INTERVAL_S),
        default=DEFAULT_JOB_POLL_INTERVAL_S,
        help=f"Seconds between checks ({MIN_JOB_POLL_INTERVAL_S:g} or more).",
    )
    p = command("delta-push", cmd_delta_push, "Push a delta file to a project.")
    p.add_argument("project_id")
    p.add_argument("delta_filename")
    command("package-latest", cmd_package_latest, "Show the latest package.").add_argument("project_id")
