"""The login dialog: server (with history), username or email, password, remember me."""

from urllib.parse import urlsplit

from qgis.gui import QgsPasswordLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.icons import plugin_icon
from ..core.session import CloudSession
from ..core.settings import normalize_server_url


class LoginDialog(QDialog):
    """Logs in through `session` in the background; closes itself once logged in."""

    def __init__(self, session: CloudSession, message: str = "", parent: QWidget = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Log in to QFieldCloud"))
        self.setWindowIcon(plugin_icon("qfieldcloud"))
        self.setMinimumWidth(420)

        self.intro_label = QLabel(self.tr("Log in with your QFieldCloud account. Self-hosted servers work too."))
        self.intro_label.setWordWrap(True)
        self.http_warning = QLabel(
            self.tr(
                "This address is not encrypted (http://): your password and data would "
                "travel in clear text. Use https:// unless the server is on this machine."
            )
        )
        self.http_warning.setWordWrap(True)
        self.http_warning.setStyleSheet("QLabel { color: #e65100; }")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")

        self.server_combo = QComboBox()
        self.server_combo.setEditable(True)
        self.server_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.server_combo.addItems(session.settings.server_history)
        self.server_combo.setCurrentText(session.settings.server_url)
        self.server_combo.setToolTip(self.tr("The QFieldCloud server, e.g. https://app.qfield.cloud/ or your own."))
        self.username_edit = QLineEdit(session.settings.username)
        self.username_edit.setPlaceholderText(self.tr("Username or email"))
        self.password_edit = QgsPasswordLineEdit()
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.remember_check = QCheckBox(self.tr("Remember me (the token is kept in the QGIS password manager)"))
        self.remember_check.setChecked(session.settings.remember_me)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server_combo)
        form.addRow(self.tr("Username or email"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.remember_check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.http_warning)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.show_message(message)

        self.username_edit.textChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)
        self.server_combo.editTextChanged.connect(self._update_button)
        self.server_combo.editTextChanged.connect(lambda _t: self._update_http_warning())
        session.loggedIn.connect(self._on_logged_in)
        session.loginFailed.connect(self._on_failed)
        self._connected = True
        self._busy = False
        self._update_button()
        self._update_http_warning()
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()

    def show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    def _update_http_warning(self) -> None:
        url = normalize_server_url(self.server_combo.currentText())
        host = urlsplit(url).hostname or ""
        self.http_warning.setVisible(url.startswith("http://") and host not in ("localhost", "127.0.0.1", "::1"))

    def _update_button(self) -> None:
        filled = bool(
            self.server_combo.currentText().strip() and self.username_edit.text().strip() and self.password_edit.text()
        )
        self.login_button.setEnabled(filled and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server_combo, self.username_edit, self.password_edit, self.remember_check):
            widget.setEnabled(not busy)
        self._update_button()

    def submit(self) -> None:
        """Start the login; the dialog stays open until the server has answered."""
        if not self.login_button.isEnabled():
            return
        url = normalize_server_url(self.server_combo.currentText())
        self.server_combo.setCurrentText(url)
        self.show_message("")
        self.message_label.setStyleSheet("QLabel { color: palette(text); }")
        self.message_label.setText(self.tr("Logging in to {server}…").format(server=url))
        self.message_label.setVisible(True)
        self._set_busy(True)
        self.session.login(
            url, self.username_edit.text().strip(), self.password_edit.text(), self.remember_check.isChecked()
        )

    def _on_logged_in(self) -> None:
        if self._busy:
            self._set_busy(False)
            self.password_edit.clear()
            self.accept()

    def _on_failed(self, message: str) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        self.message_label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.show_message(message)
        self.password_edit.setFocus()
        self.password_edit.selectAll()

    def done(self, result: int) -> None:
        if self._connected:
            self._connected = False
            self.session.loggedIn.disconnect(self._on_logged_in)
            self.session.loginFailed.disconnect(self._on_failed)
        super().done(result)
