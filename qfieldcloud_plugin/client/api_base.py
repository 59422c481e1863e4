"""What every group of endpoints shares: the transport, and the rules of the wire."""

from typing import Any, Callable, Optional

from .flight import fitted_concurrency
from .models import bounded_concurrency
from .names import url_segment
from .transport import Transport

# One URL path segment (ids, user names), checked and encoded.
seg = url_segment


def wire_value(value: Any) -> Any:
    """Enum members go on the wire as their value."""
    return getattr(value, "value", value)


class ApiBase:
    """The base of `Client` and of each group of its endpoints (projects.py, files.py, uploads.py,
    downloads.py, jobs.py, people.py): they reach the server through `self.transport` only."""

    transport: Transport
    concurrency: int

    @property
    def url(self) -> str:
        return self.transport.url

    def _overloads(self) -> int:
        """The server's 429 and 503 answers so far: a batch then runs fewer transfers at once."""
        return self.transport.stats["overloads"]

    def _fitted(self, concurrency: Optional[int]) -> Callable[[], int]:
        """How many files at once the server's recent answer times ask for, at most the call's
        `concurrency` or the client's: asked again as a batch's own answers arrive."""
        ceiling = bounded_concurrency(concurrency or self.concurrency)
        return lambda: fitted_concurrency(self.transport.answer_times.fastest(), ceiling)

    def _workers(self, concurrency: Optional[int]) -> int:
        """The threads of a batch: as many as the answers so far ask for (see `_fitted`)."""
        workers = self._fitted(concurrency)()
        if workers > self.concurrency and workers > 10:
            # Enough pooled connections that no worker opens a throwaway one.
            self.transport.resize_pool(workers)
        return workers
