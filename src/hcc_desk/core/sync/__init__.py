"""Offline-first sync with hcc-central: wire protocol, outbox, HTTP client, uploader."""
