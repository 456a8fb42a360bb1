"""Scanning at the counter: the scan panel, the page review, faults, recovery, attaching.

The widgets only talk to ``ctx.capture`` (services/capture.py) and to CaptureSession objects;
everything they change is on disk at once (the spool), so a crash loses no page.
"""
