"""Run-time options of one server process, shared by the routes, the store and the job worker."""

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

COMPAT_2024_09 = "2024-09"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    # None = behave like the newest QFieldCloud; "2024-09" = like a self-hosted server of that era.
    compat: Optional[str] = None
    token_hours: float = 720.0
    # Answer downloads with a 302 to a presigned-looking storage URL instead of the bytes.
    redirect_downloads: bool = False
    # Seconds a job spends in each of the queued and started states, so clients see real transitions.
    job_step_seconds: float = 0.1
    # Offer POST /__clock__/ {"advance": seconds}, so tests expire tokens without sleeping.
    test_clock: bool = False

    @property
    def legacy(self) -> bool:
        """True when reproducing the 2024-09 server instead of the newest one."""
        return self.compat == COMPAT_2024_09
