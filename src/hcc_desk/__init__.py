"""HCC Desk: counter software for one-stop public administration service centres."""

__version__ = "0.1.0"
