"""The plugin's and the client's version (metadata.txt repeats it; a test keeps them equal)."""

__version__ = "0.1.0"
