"""Messages to applicants (docs/notifications.md): the outbox (outbox.py), the words
(templates.py), the channels (sender.py) and the worker that sends (worker.py)."""

from __future__ import annotations

from .outbox import Delivery, deliveries, enqueue_for_step

__all__ = ["Delivery", "deliveries", "enqueue_for_step"]
