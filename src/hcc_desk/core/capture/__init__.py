"""Document capture: scanners (SANE in a worker process, WIA on Windows), file import, the
per-page spool that keeps every scanned page on disk, image clean-up and PDF output. Qt-free."""
