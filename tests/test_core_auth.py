"""The token is kept in QgsAuthManager; QgsSettings holds only the authcfg id."""

from qgis.core import QgsAuthMethodConfig, QgsSettings

from qfieldcloud_plugin.core.auth import TokenStore
from qfieldcloud_plugin.core.settings import Settings, api_url, normalize_server_url

TOKEN = "x" * 60 + "secret-token-value"


def _all_settings_text() -> str:
    settings = QgsSettings()
    return "\n".join("{}={}".format(k, settings.value(k)) for k in settings.allKeys())


def test_token_goes_to_the_auth_db_and_only_its_id_to_settings(clean_settings, auth_manager):
    store = TokenStore(Settings())
    authcfg = store.save("https://qfc.example.org/", "alice", TOKEN)
    assert QgsSettings().value("qfieldcloud/authcfg") == authcfg
    assert TOKEN not in _all_settings_text()
    config = QgsAuthMethodConfig()
    auth_manager.loadAuthenticationConfig(authcfg, config, True)
    assert config.config("Authorization") == "Token " + TOKEN
    loaded = store.load()
    assert (loaded.server_url, loaded.username, loaded.token) == ("https://qfc.example.org/", "alice", TOKEN)
    assert TOKEN not in repr(loaded)


def test_saving_again_updates_the_same_config_and_clear_removes_it(clean_settings, auth_manager):
    store = TokenStore(Settings())
    first = store.save("https://qfc.example.org/", "alice", TOKEN)
    second = store.save("https://qfc.example.org/", "alice", TOKEN + "2")
    assert first == second
    assert store.load().token == TOKEN + "2"
    store.clear()
    assert first not in auth_manager.configIds()
    assert QgsSettings().value("qfieldcloud/authcfg", "") == ""
    assert store.load() is None


def test_server_urls_typed_by_users_are_normalized(clean_settings):
    assert normalize_server_url("qfc.example.org") == "https://qfc.example.org/"
    assert normalize_server_url("http://127.0.0.1:8000/api/v1") == "http://127.0.0.1:8000/"
    assert api_url("https://app.qfield.cloud") == "https://app.qfield.cloud/api/v1/"
    settings = Settings()
    settings.server_url = "https://one.example/"
    settings.server_url = "https://two.example/"
    settings.server_url = "https://one.example/"
    assert settings.server_history == ["https://one.example/", "https://two.example/", "https://app.qfield.cloud/"]
