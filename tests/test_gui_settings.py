"""The settings dialog writes the plugin settings the transfers use."""

from qgis.core import QgsSettings

from qfieldcloud_plugin.core.settings import Settings
from qfieldcloud_plugin.gui.settings_dialog import SettingsDialog


def test_settings_dialog_saves_download_folder_and_limits(clean_settings, tmp_path):
    settings = Settings()
    dialog = SettingsDialog(settings)
    assert dialog.download_dir.filePath().endswith("QFieldCloud")
    dialog.download_dir.setFilePath(str(tmp_path))
    dialog.max_transfers.setValue(3)
    dialog.page_size.setValue(100)
    dialog.accept()
    assert QgsSettings().value("qfieldcloud/download_dir") == str(tmp_path)
    assert settings.max_transfers == 3 and settings.page_size == 100
    assert settings.package_dir("acme", "../escape") == tmp_path / "acme" / "_escape"
