"""HTTP routes (docs/sync-protocol.md)."""
