"""Official forms as PDF (``receipt``: Mẫu 01) and sending PDFs to printers (``dispatch``).

Plain Python + reportlab; no Qt here, so the services and the CLI can print headless.
"""
