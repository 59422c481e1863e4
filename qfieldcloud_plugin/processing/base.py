"""What every QFieldCloud algorithm shares: credentials, the client, the project lookup, progress.

Credentials come from, in this order: the TOKEN / SERVER_URL parameters, the environment
(`QFIELDCLOUD_TOKEN`, `QFIELDCLOUD_URL`, as for the CLI), the plugin's live login, and the
login remembered in QGIS's authentication database (which may ask for the master password;
headless `qgis_process` cannot, so give it a token there).
"""

import os
import re
import threading
from typing import Any, Callable, Dict, Optional, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterString,
)

from ..client import Client, QfcException, TransferCancelledError, TransferProgress
from ..core.auth import TokenStore
from ..core.icons import plugin_icon
from ..core.log import register_secret
from ..core.network import network_options
from ..core.session import user_message
from ..core.settings import Settings, api_url, normalize_server_url
from ..core.translation import tr

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class Credentials:
    """Where the token of a run comes from, when neither parameters nor environment give one.

    The plugin hands the provider its live session; `qgis_process` has none.
    """

    def __init__(self, session=None) -> None:
        self.session = session

    def resolve(self, token: str, server_url: str) -> Tuple[str, str]:
        """(API URL, token); raises QgsProcessingException when there is no token anywhere."""
        token = token or os.environ.get("QFIELDCLOUD_TOKEN", "")
        server_url = server_url or os.environ.get("QFIELDCLOUD_URL", "")
        if token:
            return api_url(server_url or Settings().server_url), token
        session = self.session
        if session is not None and session.is_logged_in and not server_url:
            with session.client_factory()() as client:
                return client.url, client.token
        stored = TokenStore(Settings()).load()
        if stored is not None and stored.token:
            return api_url(server_url or stored.server_url), stored.token
        raise QgsProcessingException(
            tr(
                "No QFieldCloud login: log in with the plugin and remember the login, or give a token "
                "(TOKEN parameter or QFIELDCLOUD_TOKEN environment variable)."
            )
        )


class ProgressReporter:
    """Client progress (any worker thread) → `feedback.setProgress`, at most once per half percent."""

    def __init__(self, feedback: QgsProcessingFeedback) -> None:
        self._feedback = feedback
        self._lock = threading.Lock()
        self._last = -1.0

    def __call__(self, progress: TransferProgress) -> None:
        percent = 100.0 * progress.fraction
        with self._lock:
            if percent < 100.0 and abs(percent - self._last) < 0.5:
                return
            self._last = percent
        self._feedback.setProgress(percent)


class FeedbackTask:
    """A Processing feedback in the role of the task that core's transfer functions run in."""

    def __init__(self, feedback: QgsProcessingFeedback) -> None:
        self.isCanceled = feedback.isCanceled
        self.progress_callback = ProgressReporter(feedback)


class QfcAlgorithm(QgsProcessingAlgorithm):
    """Base of the QFieldCloud algorithms: subclasses add parameters and implement `execute()`."""

    PROJECT = "PROJECT"
    FILTER = "FILTER"
    FORCE = "FORCE"
    TOKEN = "TOKEN"  # nosec B105: the name of a Processing parameter, not a secret
    SERVER_URL = "SERVER_URL"

    def __init__(self, credentials: Optional[Credentials] = None) -> None:
        super().__init__()
        self.credentials = credentials or Credentials()

    def createInstance(self):  # QGIS API
        return type(self)(self.credentials)

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # QGIS API
        return ""

    def icon(self):
        return plugin_icon("qfieldcloud")

    # --- parameters ----------------------------------------------------------------------
    def add_project_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(self.PROJECT, tr("Project (owner/name or id)")))

    def add_download_parameters(self) -> None:
        """FILTER and FORCE, what the download algorithms take besides the project."""
        self.addParameter(QgsProcessingParameterString(self.FILTER, tr("Only files matching (glob)"), defaultValue="*"))
        self.addParameter(
            QgsProcessingParameterBoolean(self.FORCE, tr("Download unchanged files too"), defaultValue=False)
        )

    def download_options(self, parameters: Dict[str, Any], context) -> Dict[str, Any]:
        """FILTER and FORCE as the core download functions take them."""
        return {
            "filter_glob": self.parameterAsString(parameters, self.FILTER, context) or "*",
            "force_download": self.parameterAsBool(parameters, self.FORCE, context),
        }

    def add_credential_parameters(self) -> None:
        """TOKEN and SERVER_URL, optional and advanced: most runs use the stored login."""
        token = QgsProcessingParameterString(self.TOKEN, tr("API token (empty: the stored login)"), optional=True)
        server = QgsProcessingParameterString(
            self.SERVER_URL, tr("Server URL (empty: the stored login's)"), optional=True
        )
        for parameter in (token, server):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    # --- running ---------------------------------------------------------------------------
    def processAlgorithm(self, parameters: Dict[str, Any], context, feedback) -> Dict[str, Any]:
        url, token = self.credentials.resolve(
            self.parameterAsString(parameters, self.TOKEN, context).strip(),
            self.parameterAsString(parameters, self.SERVER_URL, context).strip(),
        )
        register_secret(token)
        options = network_options(url)
        client = Client(
            url=url,
            verify_ssl=options.verify,
            token=token,
            proxies=options.proxies,
            concurrency=Settings().transfer_concurrency,
        )
        try:
            return self.execute(client, parameters, context, feedback)
        except TransferCancelledError as error:
            raise QgsProcessingException(tr("Cancelled.")) from error
        except (QfcException, OSError) as error:
            raise QgsProcessingException(user_message(error, normalize_server_url(url))) from error
        finally:
            client.close()

    def execute(self, client: Client, parameters: Dict[str, Any], context, feedback) -> Dict[str, Any]:
        raise NotImplementedError

    def project(self, client: Client, parameters: Dict[str, Any], context) -> Dict[str, Any]:
        """The project named by PROJECT (`owner/name`, a name of the user's own, or an id)."""
        reference = self.parameterAsString(parameters, self.PROJECT, context).strip()
        return find_project(client, reference)

    @staticmethod
    def progress(feedback) -> Callable[[TransferProgress], None]:
        return ProgressReporter(feedback)


def find_project(client: Client, reference: str) -> Dict[str, Any]:
    """The project for `reference`; raises QgsProcessingException when none (or several) match."""
    if UUID.match(reference):
        return client.get_project(reference)
    owner, _, name = reference.rpartition("/")
    matches = [p for p in client.iter_projects() if p.get("name") == name and (not owner or p.get("owner") == owner)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise QgsProcessingException(tr("No QFieldCloud project {project}.").format(project=reference))
    raise QgsProcessingException(
        tr("Several QFieldCloud projects are named {project}: write it as owner/name.").format(project=reference)
    )


def transfer_outcome(files, feedback) -> Tuple[list, list]:
    """(transferred names, skipped names) of a client transfer; raises when a file failed."""
    failed = {f["name"]: str(f.get("error")) for f in files if f.get("status") == "FAILED"}
    if feedback.isCanceled():
        raise TransferCancelledError("Cancelled")
    for name, error in failed.items():
        feedback.reportError("{name}: {error}".format(name=name, error=error))
    if failed:
        raise QgsProcessingException(
            tr("{count} file(s) failed: {names}").format(count=len(failed), names=", ".join(sorted(failed)))
        )
    skipped = sorted(f["name"] for f in files if f.get("skipped"))
    done = sorted(f["name"] for f in files if not f.get("skipped"))
    return done, skipped


def report_backup(result, feedback) -> None:
    """Tell where the local versions of files a download replaced were kept."""
    if result.backed_up:
        feedback.pushWarning(
            tr("{count} local file(s) differed and were replaced; their previous versions are in {folder}.").format(
                count=len(result.backed_up), folder=str(result.backup)
            )
        )
