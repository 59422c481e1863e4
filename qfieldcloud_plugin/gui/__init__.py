"""Widgets and Qt item models of the plugin: presentation only, the server is reached through `core.session`."""
