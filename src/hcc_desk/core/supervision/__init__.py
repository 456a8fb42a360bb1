"""Supervision across the centre (Qt-free): wire types of central's read-only summary feed, and
the lists and on-time rates computed from dossier rows."""
