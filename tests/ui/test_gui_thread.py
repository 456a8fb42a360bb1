"""The GUI thread only draws (ARCHITECTURE.md, "The GUI thread"): driving each screen (intake,
today, return desk, supervision, admin, receipt preview, login and lock) on the real services
never runs a query on it, and closing the window does not wait for central."""

from __future__ import annotations

import socket
import threading
import time
import traceback
from types import SimpleNamespace

import pytest
from sqlalchemy import event, select

from hcc_desk.app import open_context
from hcc_desk.core.capture.model import ColourMode
from hcc_desk.core.store.models import AuditLog
from hcc_desk.core.sync.credentials import DeviceCredential
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.ui.idle import LockDialog
from hcc_desk.ui.intake_view import IntakeView
from hcc_desk.ui.login import LoginDialog
from hcc_desk.ui.main_window import MainWindow

from .capture.fakes import page_image
from .conftest import press_enter, type_text

QR = "046090001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"


@pytest.fixture
def ctx(tmp_path):
    context = open_context(tmp_path / "profile")
    context.setup.create_demo()
    worker = threading.Thread(target=context.warm_up)  # as the GUI start does
    worker.start()
    worker.join()
    yield context
    context.close()


ADMIN = SimpleNamespace(username="demo", full_name="Demo", role="admin")


def off_gui_thread(fn):
    """Run ``fn`` on a worker thread (test set-up must not count as the screen's queries)."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(fn()))
    worker.start()
    worker.join()
    return result[0]


@pytest.fixture
def saved_code(ctx) -> str:
    def save() -> str:
        procedure = ctx.catalogue.search("cap doi the can cuoc")[0]
        request = IntakeRequest(
            procedure_code=procedure.code,
            submitter=PersonInput(
                full_name="Trần Thị Bình", id_number="046190001234", phone="0912345678"
            ),
            papers=[PaperInput(p.name, 1) for p in procedure.papers],
        )
        return ctx.intake.submit(request, "demo").code

    return off_gui_thread(save)


@pytest.fixture
def gui_thread_queries(ctx):
    """Every SQL statement run on the GUI (main) thread, with where it came from."""
    found: list[str] = []
    engine = ctx.store.get().engine

    def check(_conn, _cursor, statement, *_args):
        if threading.current_thread() is threading.main_thread():
            found.append(
                statement.split("\n")[0] + "\n" + "".join(traceback.format_stack(limit=12))
            )

    event.listen(engine, "before_cursor_execute", check)
    yield found
    event.remove(engine, "before_cursor_execute", check)


def test_the_guard_sees_a_query_on_the_gui_thread(ctx, gui_thread_queries):
    ctx.catalogue.search("khai sinh")  # what the picker did on every keystroke
    assert gui_thread_queries


def test_intake_runs_no_query_on_the_gui_thread(qtbot, ctx, runner, gui_thread_queries):
    officer = SimpleNamespace(username="demo", full_name="Demo", role="officer")
    view = IntakeView(ctx, officer, runner, autosave_ms=50)
    qtbot.addWidget(view)
    view.show()
    ui = view.ui
    ui.qr_edit.setFocus()
    type_text(ui.qr_edit, QR)
    press_enter(ui.qr_edit)
    type_text(ui.submitter.ui.phone, "0912345678")
    ui.procedure_search.setFocus()
    type_text(ui.procedure_search, "cap doi the can cuoc")
    press_enter(ui.procedure_search)  # before the results are in: the first is taken
    qtbot.waitUntil(lambda: view.picker.current() is not None)
    runner.wait_idle()  # the appointment too
    ui.check_all_button.click()
    with qtbot.waitSignal(view.submitted, timeout=10_000) as saved:
        view.save()
    runner.wait_idle()
    assert saved.args[0].code
    assert gui_thread_queries == []


def test_dropping_a_form_with_scanned_pages_runs_no_query_on_the_gui_thread(
    qtbot, ctx, runner, gui_thread_queries
):
    view = IntakeView(ctx, ADMIN, runner, autosave_ms=50)
    qtbot.addWidget(view)
    view.show()
    type_text(view.ui.qr_edit, QR)
    press_enter(view.ui.qr_edit)
    runner.wait_idle()
    key = view.capture.key()
    session = ctx.capture.spool.open_session(key, 1, "Tờ khai")
    session.add_page_image(page_image(20), 150, ColourMode.GRAY)
    view._drop_and_clear()  # what "Bỏ và nhập mới" does
    runner.wait_idle()
    assert ctx.capture.spool.sessions(key) == []

    def discards() -> list:
        with ctx.store.session() as s:
            return s.scalars(
                select(AuditLog.entity_uuid).where(AuditLog.action == "capture.discard")
            ).all()

    assert off_gui_thread(discards) == [session.id]  # still audited
    assert gui_thread_queries == []


def open_window(qtbot, ctx, runner) -> MainWindow:
    """The admin's window, started as the launcher starts it, with every list loaded."""
    window = MainWindow(ctx, ADMIN, runner)
    qtbot.addWidget(window)
    window.show()
    window.start()
    runner.wait_idle()
    return window


def test_main_window_start_and_tabs_run_no_query_on_the_gui_thread(
    qtbot, ctx, runner, saved_code, gui_thread_queries, monkeypatch
):
    credential_reads: list[str] = []  # a file read and unsealed: I/O, kept off the GUI thread
    load = ctx.credentials.load

    def watched_load():
        credential_reads.append(threading.current_thread().name)
        return load()

    monkeypatch.setattr(ctx.credentials, "load", watched_load)
    window = open_window(qtbot, ctx, runner)
    window.sync_indicator.poll()  # what its timer does
    runner.wait_idle()
    for view in (window.ui.today_tab, window.return_desk, window.supervision, window.admin):
        window.show_tab(view)
        runner.wait_idle()
    window.show_tab(window.ui.today_tab)  # the second visit reloads
    window.show_tab(window.supervision)
    runner.wait_idle()
    assert window.today.model.rowCount() == 1
    assert gui_thread_queries == []
    assert credential_reads
    assert threading.main_thread().name not in credential_reads


def test_today_search_and_receipt_preview_run_no_query_on_the_gui_thread(
    qtbot, ctx, runner, saved_code, gui_thread_queries
):
    window = open_window(qtbot, ctx, runner)
    window.search()
    today = window.today
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        type_text(today.ui.search_edit, "binh")
        press_enter(today.ui.search_edit)
    assert today.selected_code() == saved_code
    window.print_receipt()  # on the today tab: the selected dossier's receipt
    preview = window.preview
    assert preview is not None
    qtbot.waitUntil(lambda: not preview.ui.page_label.pixmap().isNull(), timeout=20_000)
    preview.reject()
    runner.wait_idle()
    scan = today.open_scan()  # the capture dialog of the selected dossier
    assert scan is not None
    qtbot.waitUntil(lambda: scan.detail is not None, timeout=10_000)
    scan.close()
    runner.wait_idle()
    assert gui_thread_queries == []


def test_return_desk_runs_no_query_on_the_gui_thread(
    qtbot, ctx, runner, saved_code, gui_thread_queries
):
    window = open_window(qtbot, ctx, runner)
    window.show_return_desk()
    desk = window.return_desk
    with qtbot.waitSignal(desk.opened, timeout=10_000):
        type_text(desk.code_edit, saved_code)
        press_enter(desk.code_edit)
    assert desk.code_value.text() == saved_code
    dialog = desk.open_step("transfer")  # its parties came with the card
    assert dialog is not None and dialog.isVisible()
    assert dialog.to_edit.count() > 1  # the counter, then the centre's agencies
    dialog.reject()
    desk.reload()
    runner.wait_idle()
    assert gui_thread_queries == []


def test_supervision_and_admin_pages_run_no_query_on_the_gui_thread(
    qtbot, ctx, runner, saved_code, gui_thread_queries
):
    window = open_window(qtbot, ctx, runner)
    window.show_tab(window.supervision)
    runner.wait_idle()
    window.supervision.reload()
    window.supervision.load_rates()
    runner.wait_idle()
    window.show_tab(window.admin)
    runner.wait_idle()
    admin = window.admin
    for index in range(admin.pages.count()):
        admin.pages.setCurrentIndex(index)
    admin.officers.reload()
    admin.settings.reload()
    runner.wait_idle()
    officer_dialog = admin.officers.ask_add()
    assert officer_dialog.isVisible()
    officer_dialog.reject()
    assert admin.officers.ui.table.model().rowCount() >= 1
    assert gui_thread_queries == []


def test_login_and_lock_run_no_query_on_the_gui_thread(qtbot, ctx, runner, gui_thread_queries):
    login = LoginDialog(ctx, runner, username="demo")
    qtbot.addWidget(login)
    login.show()
    type_text(login.ui.password, "demo")
    with qtbot.waitSignal(login.logged_in, timeout=10_000):
        login.attempt()
    lock = LockDialog(ctx, runner, ADMIN)
    qtbot.addWidget(lock)
    lock.show()
    type_text(lock.ui.password, "demo")
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        lock.attempt()
    runner.wait_idle()
    assert gui_thread_queries == []


@pytest.fixture
def hanging_central():
    """A central that accepts connections and never answers; the held connections."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", held
    done.set()
    acceptor.join()
    for conn in held:
        conn.close()
    server.close()


def test_closing_does_not_wait_for_a_central_that_never_answers(
    qtbot, ctx, runner, hanging_central
):
    url, held = hanging_central
    ctx.credentials.save(DeviceCredential(url, "dev-1", "tok"))
    assert ctx.sync.start_background()
    qtbot.waitUntil(lambda: bool(held), timeout=5000)  # a sync request now waits on central
    thread = ctx.sync._runner._thread  # to let it end before the store closes
    officer = SimpleNamespace(username="demo", full_name="Demo", role="officer")
    window = MainWindow(ctx, officer, runner)
    qtbot.addWidget(window)
    window.show()

    started = time.monotonic()
    window.close()
    ctx.sync.stop()  # what AppContext.close does first
    assert time.monotonic() - started < 0.5

    assert thread.is_alive()  # still in its request: left to finish in the background
    for conn in held:
        conn.close()  # central goes away: the request fails, the thread ends on its own
    thread.join(10)
    assert not thread.is_alive()
