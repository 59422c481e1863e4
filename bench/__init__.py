"""Benchmarks of the bundled client against the official qfieldcloud-sdk and curl (`make bench`)."""
