"""The Qt-free core that hcc-desk and hcc-central share: domain rules (ID numbers, dossier codes,
the status machine, the working calendar and due dates, places, accounts), the wire protocol, the
procedure catalogue, the audit hash chain and small file helpers. It imports neither the desk
nor central, nor Qt, scanning or PDF libraries (tests/architecture checks it)."""
