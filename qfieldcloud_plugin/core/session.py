"""The logged-in state of the plugin and the one door through which the GUI reaches the server.

Every call runs in a `ClientTask`. A 401 on any call drops the token, asks for a new login
(`authRequired`) and replays the call once the user has logged in again.
"""

from typing import Callable, List, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QThread, pyqtSignal

from ..client import Client, QfcRequestException, errors
from .auth import AuthStorageError, TokenStore
from .log import log, register_secret
from .network import network_options
from .settings import Settings, api_url, normalize_server_url, server_label
from .tasks import ClientTask, TaskPool, UnexpectedError, is_cancellation
from .translation import tr


def user_message(error: BaseException, server_url: str = "") -> str:
    """A one-line explanation of `error` for the message bar or the dock."""
    if isinstance(error, errors.ConnectionFailedError):
        return tr("Cannot reach the server {server}. Check your network connection and the server address.").format(
            server=server_label(server_url) if server_url else ""
        )
    if isinstance(error, errors.AuthenticationError):
        if error.code == "too_many_failed_login_attempts":
            return tr("Too many failed login attempts. Wait 30 minutes and try again.")
        if error.code == "authentication_failed":
            return tr("Wrong username, email or password.")
        return tr("Your QFieldCloud session has expired. Please log in again.")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("You are not allowed to do this on QFieldCloud ({message}).").format(message=error.message)
    if isinstance(error, errors.NotFoundError):
        return tr("Not found on QFieldCloud; it may have been deleted.")
    if isinstance(error, errors.TransferCancelledError):
        return tr("Cancelled.")
    if isinstance(error, errors.ChecksumMismatchError):
        return tr("A downloaded file is corrupt ({error}).").format(error=str(error))
    if isinstance(error, QfcRequestException):
        return tr("QFieldCloud answered: {message}").format(message=error.message)
    if isinstance(error, OSError):
        return tr("Local file error: {error}").format(error=str(error))
    if isinstance(error, UnexpectedError):
        return tr("Unexpected error: {error}. Details are in the QFieldCloud log.").format(error=str(error))
    return str(error)


ANONYMOUS = ""


def transfer_task_limit(configured: int) -> int:
    """At most `configured` transfer tasks, and always one QGIS worker thread left free.

    QgsTaskManager runs tasks on the thread pool map rendering also uses; long transfers
    must not take all of it on a two-core machine.
    """
    return max(1, min(configured, QThread.idealThreadCount() - 1))


class CloudSession(QObject):
    """Login state, token storage, and background calls for the whole plugin."""

    loggedIn = pyqtSignal()
    loggedOut = pyqtSignal()
    loginFailed = pyqtSignal(str)
    authRequired = pyqtSignal(str)
    errorOccurred = pyqtSignal(str, str)
    restoreFailed = pyqtSignal(str)

    def __init__(self, settings: Optional[Settings] = None, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.tokens = TokenStore(self.settings)
        self.server_url = self.settings.server_url
        self.username = ""
        self._token: Optional[str] = None
        self._retries: List[Callable[[], None]] = []
        self.calls = TaskPool(0, self)
        self.transfers = TaskPool(transfer_task_limit(self.settings.max_transfers), self)

    @property
    def is_logged_in(self) -> bool:
        return bool(self._token)

    @property
    def has_stored_token(self) -> bool:
        return bool(self.settings.authcfg)

    def client_factory(self, token: Optional[str] = None, anonymous: bool = False) -> Callable[[], Client]:
        """A factory of fresh clients for the current server and token (one per task)."""
        url = api_url(self.server_url)
        # An empty string, not None: None would make the client read QFIELDCLOUD_TOKEN.
        token = ANONYMOUS if anonymous else (token or self._token or ANONYMOUS)
        options = network_options(url)
        concurrency = self.settings.transfer_concurrency

        def make() -> Client:
            return Client(
                url=url, verify_ssl=options.verify, token=token, concurrency=concurrency, proxies=options.proxies
            )

        return make

    # --- login / logout ---------------------------------------------------------------
    def login(self, server_url: str, username: str, password: str, remember: bool) -> ClientTask:
        """Log in in the background; ends with `loggedIn` or `loginFailed(message)`."""
        server_url = normalize_server_url(server_url)
        self.server_url = server_url
        task = ClientTask(
            tr("Logging in to QFieldCloud"),
            self.client_factory(anonymous=True),
            lambda client, _task: client.login(username, password),
            can_cancel=False,
        )
        task.succeeded.connect(lambda info: self._on_login(server_url, info, remember))
        task.failed.connect(lambda error: self._on_login_failed(server_url, error))
        return self.calls.submit(task)

    def _on_login(self, server_url: str, info: dict, remember: bool) -> None:
        token = info["token"]
        register_secret(token)
        self._token = token
        self.username = info.get("username", "")
        self.settings.server_url = server_url
        self.settings.username = self.username
        self.settings.remember_me = remember
        try:
            if remember:
                self.tokens.save(server_url, self.username, token)
            else:
                self.tokens.clear()
        except AuthStorageError:
            self.errorOccurred.emit(
                tr("Remember me"),
                tr(
                    "QGIS could not keep the login in its password manager (master password not entered?). "
                    "You are logged in for this session only."
                ),
            )
        log(tr("Logged in to {server} as {user}").format(server=server_url, user=self.username))
        self.loggedIn.emit()
        retries, self._retries = self._retries, []
        for retry in retries:
            retry()

    def _on_login_failed(self, server_url: str, error: BaseException) -> None:
        log(tr("Login to {server} failed: {error}").format(server=server_url, error=error), Qgis.MessageLevel.Warning)
        self.loginFailed.emit(user_message(error, server_url))

    def restore(self) -> bool:
        """Log in again with the remembered token; validated in a task. False if nothing is stored."""
        if not self.settings.remember_me:
            return False
        stored = self.tokens.load()
        if stored is None:
            return False
        register_secret(stored.token)
        self.server_url = normalize_server_url(stored.server_url)
        task = ClientTask(
            tr("Checking the QFieldCloud login"),
            self.client_factory(token=stored.token),
            lambda client, _task: client.get_user(),
            can_cancel=False,
        )

        def on_success(user: dict) -> None:
            self._token = stored.token
            self.username = user.get("username", stored.username)
            self.loggedIn.emit()

        def on_failure(error: BaseException) -> None:
            if isinstance(error, errors.AuthenticationError):
                self.tokens.clear()
                self.authRequired.emit(tr("Your saved QFieldCloud login has expired. Please log in again."))
            else:
                self.restoreFailed.emit(user_message(error, self.server_url))

        task.succeeded.connect(on_success)
        task.failed.connect(on_failure)
        self.calls.submit(task)
        return True

    def logout(self) -> ClientTask:
        """End the session on the server, then forget the token here whatever the answer."""
        task = ClientTask(tr("Logging out of QFieldCloud"), self.client_factory(), lambda c, _t: c.logout(), False)
        self._token = None
        self.tokens.clear()
        self.settings.remember_me = False
        self.calls.cancel_all(detach=True)
        self.transfers.cancel_all(detach=True)
        task.failed.connect(lambda error: log(user_message(error, self.server_url), Qgis.MessageLevel.Warning))
        self.calls.submit(task)
        self.loggedOut.emit()
        return task

    # --- calls -------------------------------------------------------------------------
    def call(
        self,
        description: str,
        fn: Callable,
        on_success: Optional[Callable] = None,
        on_error: Optional[Callable[[BaseException], bool]] = None,
        transfer: bool = False,
    ) -> Optional[ClientTask]:
        """Run `fn(client, task)` in a task; `on_error` returns True when it showed the error itself.

        On a 401 the call is replayed after the next successful login.
        """

        def retry() -> None:
            self.call(description, fn, on_success, on_error, transfer)

        if not self.is_logged_in:
            self._retries.append(retry)
            self.authRequired.emit(tr("Please log in to QFieldCloud."))
            return None
        task = ClientTask(description, self.client_factory(), fn)
        if on_success is not None:
            task.succeeded.connect(on_success)
        task.failed.connect(lambda error: self._on_call_failed(description, error, on_error, retry))
        return (self.transfers if transfer else self.calls).submit(task)

    def run_local(self, description: str, fn: Callable, on_success: Callable, on_error: Callable) -> ClientTask:
        """Run `fn(task)` in a task that needs no server (file work: copying layer data, say)."""
        task = ClientTask(description, lambda: None, lambda _client, task: fn(task))
        task.succeeded.connect(on_success)
        task.failed.connect(on_error)
        return self.calls.submit(task)

    def _on_call_failed(self, description: str, error: BaseException, on_error, retry) -> None:
        if isinstance(error, errors.AuthenticationError):
            self._token = None
            self.tokens.clear()
            self._retries.append(retry)
            self.authRequired.emit(user_message(error, self.server_url))
            return
        handled = bool(on_error(error)) if on_error is not None else False
        if is_cancellation(error):
            return
        log("{}: {!s}".format(description, error), Qgis.MessageLevel.Critical)
        if not handled:
            self.errorOccurred.emit(description, user_message(error, self.server_url))

    def drop_retries(self) -> None:
        """The user gave up logging in: forget the calls waiting for it, and say we are logged out."""
        self._retries = []
        if not self.is_logged_in:
            self.loggedOut.emit()

    def shutdown(self) -> None:
        """Cancel every task and drop their results (plugin unload)."""
        self._retries = []
        self.calls.cancel_all(detach=True)
        self.transfers.cancel_all(detach=True)
