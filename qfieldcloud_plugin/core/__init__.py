"""QGIS-aware building blocks of the plugin: settings, auth storage, tasks. No widgets here."""
