"""HCC Central: the service counters sync dossiers to (docs/central.md, docs/sync-protocol.md)."""
