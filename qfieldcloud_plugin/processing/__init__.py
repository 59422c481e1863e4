"""The "QFieldCloud" Processing provider: toolbox, model designer and `qgis_process run qfieldcloud:...`."""
