"""Pure domain rules of HCC Desk: validation, codes, statuses, working-time calendar.

Import the submodules directly (``from hcc_core.domain.citizen_id import ...``); this
package re-exports nothing so that start-up does not pay for modules a screen never uses
(``calendar`` loads the ``holidays`` package lazily on first use).

Modules: errors, messages, text, provinces, citizen_id, tax_code, phone, calendar,
dossier_code, status.
"""
