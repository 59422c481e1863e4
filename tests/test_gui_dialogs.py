"""The new-project dialog proposes the open project's name and refuses names the server rejects."""

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QDialogButtonBox

from qfieldcloud_plugin.gui.create_dialog import CreateProjectDialog
from tests.support.qgis_plugin_env import make_project_folder


def test_dialog_proposes_the_open_project_and_validates_the_name(qgis_app, tmp_path):
    QgsProject.instance().read(str(make_project_folder(tmp_path, "My survey")))
    dialog = CreateProjectDialog("alice")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.name_edit.text() == "My_survey" and ok.isEnabled()
    assert dialog.link_check.isChecked()
    dialog.name_edit.setText("bad name/with slash")
    assert not ok.isEnabled()
    dialog.name_edit.setText("ok-name_1.0")
    dialog.public_check.setChecked(True)
    assert dialog.values() == {
        "name": "ok-name_1.0",
        "owner": "alice",
        "description": "",
        "is_public": True,
        "link_current": True,
    }
    QgsProject.instance().clear()
    assert not CreateProjectDialog("alice").link_check.isEnabled()


def test_login_dialog_warns_about_plain_http_except_on_this_machine(qgis_app):
    from qfieldcloud_plugin.core.session import CloudSession
    from qfieldcloud_plugin.gui.login_dialog import LoginDialog

    dialog = LoginDialog(CloudSession())
    dialog.server_combo.setCurrentText("https://qfc.example.org/")
    assert dialog.http_warning.isHidden()
    dialog.server_combo.setCurrentText("http://qfc.example.org/")
    assert not dialog.http_warning.isHidden()
    dialog.server_combo.setCurrentText("http://127.0.0.1:8000/")
    assert dialog.http_warning.isHidden()
    dialog.reject()
