"""One run of the program: the sign-in (or setup) window, the main window of the signed-in person, locking
(Ctrl+L, or after the idle minutes the administrator set) and switching user.

The sign-in window needs Qt alone, so it is on screen at once; the pages and the database layer (most of a start's
time) load on the session's worker meanwhile, and the password is checked there after them. Windows are built on
the GUI thread before the worker starts importing: building widgets while another thread imports PySide6 modules
crashed Qt.

Locking hides every window of the program (nothing typed is lost, a sync under way goes on) and shows the
sign-in window; a window that opens while it is locked (a document issued just before, whose preview comes after;
a warning) stays off the screen too. The same person gets everything back as it was, another account closes it
all and opens the station as that account.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from .. import collector, paths
from ..domain.accounts import StaffRole
from ..domain.audit import AuditAction
from ..domain.errors import DomainError
from .i18n import render
from .idle import IdleWatch
from .kit.ask import ask
from .main_window import MainWindow, discard_question, load_station_pages
from .sign_in import SignInDialog
from .tasks import TaskRunner
from .workspace import Workspace

if TYPE_CHECKING:
    from ..services.accounts import SetUp, State
    from ..services.station import StationContext
    from .recovery import RecoveryDialog, RecoveryKeyDialog
    from .setup import SetupDialog

log = logging.getLogger(__name__)
BACKUP_CHECK_MS = 60 * 60 * 1000  # how often the daily backup is looked at
FIRST_BACKUP_CHECK_MS = 60 * 1000  # and once soon after signing in, when the start's work is done


def _load(data_dir: Path, demo: bool) -> State:
    """On the worker: the pages and the database layer, then what the start shows (the demo is set up here)."""
    # The imports create a hundred thousand objects that live as long as the program; collecting garbage among them
    # while they load finds none and costs about a tenth of the loading time. Frozen once loaded, they are out of
    # the collector's sight for good: its next passes walked them all again (about 25 ms each, the first one before
    # the password could be checked), and so did the collection at exit (about 100 ms). They are frozen before the
    # collector is let back: a collection in between (the GUI thread's timer, ui/garbage.py) would walk them.
    with collector.paused():
        load_station_pages()
        from ..services import accounts

        gc.freeze()
    state = accounts.state(data_dir)
    if demo and state is accounts.State.NEW:
        accounts.set_up_demo(data_dir).close()
        return accounts.State.READY
    return state


def _opened(context: StationContext) -> tuple[StationContext, int]:
    """On the worker: the signed-in station and its idle minutes before locking."""
    from ..services import accounts

    try:
        return context, accounts.lock_minutes(context)
    except BaseException:
        context.close()
        raise


# The signed-in station, its idle minutes before locking, and a recovery key still to be copied.
Opened = tuple["StationContext", int, "str | None"]


def _sign_in(data_dir: Path, login: str, password: str) -> Opened:
    from ..services import accounts

    return _with_recovery_key(_opened(accounts.sign_in(data_dir, login, password)), password)


def _open_as(data_dir: Path, login: str, key: bytes, password: str) -> Opened:
    """Another account at the lock, whose password was checked: the station opened again as that account."""
    from ..services.station import open_station

    return _with_recovery_key(_opened(open_station(data_dir, login, key)), password)


def _with_recovery_key(opened: tuple[StationContext, int], password: str) -> Opened:
    """The recovery key of this computer's setup too, if the account signing in set it up and has not yet checked a
    copy of it (the program closed at that step)."""
    from ..services import accounts

    context, lock_minutes = opened
    try:
        return context, lock_minutes, accounts.unconfirmed_recovery_key(context, password)
    except BaseException:
        context.close()
        raise


class Session(QObject):
    ended = Signal(int)  # the program's exit code: 0 when the person quit, 1 when the station cannot open

    def __init__(
        self,
        data_dir: Path,
        *,
        demo: bool = False,
        smoke_test: bool = False,
        user: str | None = None,
        password: str | None = None,
    ):
        """``user`` and ``password``: sign in without asking (``--user`` and its password file)."""
        super().__init__()
        self.data_dir = data_dir
        self.demo = demo
        self.smoke_test = smoke_test
        self.user, self.password = user, password
        self.tasks = TaskRunner(self, thread_name="session")
        self.window: MainWindow | None = None
        self.sign_in: SignInDialog | None = None
        self.setup: SetupDialog | None = None
        self.recovery_key_dialog: RecoveryKeyDialog | None = None
        self.waiting: StationContext | None = None  # signed in, behind the recovery key still to be copied
        self.recovery: RecoveryDialog | None = None
        self.restored_box: QMessageBox | None = None
        self.restore_offer: QMessageBox | None = None  # the data file did not open: its latest backup instead?
        self.discard_question: QMessageBox | None = None  # 退出 at the lock, with typing behind it
        self.loaded = False
        self.lock_seconds = 0.0
        # The windows the lock keeps off the screen, with their modality, given back at unlock.
        self._hidden: list[tuple[QWidget, Qt.WindowModality]] = []
        # The words of the message boxes of exec() opened while locked (_end_lock), and their copies told again.
        self._messages: list[tuple[QMessageBox.Icon, str, str]] = []
        self._told_again: list[QMessageBox] = []
        # The city revoked this laptop: locked at the sync that said so, until the administrator signs in (True
        # once he has: his own work on it, such as enrolling it again, is not locked again).
        self._revoked_lock = False
        self._administrator_past_block = False
        self._closing = threading.Event()  # set at finish: the start check stops rather than hold up the exit
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock)
        # The daily backup is looked at every hour, on the session's own thread: the window's work never waits for
        # it. Demo data and smoke tests are not backed up.
        self.backs_up = not (demo or smoke_test)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._back_up_if_due)

    @property
    def context(self) -> StationContext | None:
        return self.window.workspace.context if self.window is not None else None

    # --- the start ----------------------------------------------------------------------------------------------

    def begin(self) -> None:
        if paths.has_station(self.data_dir) or self.demo:
            self._show_sign_in()
        self.tasks.run(_load, self.data_dir, self.demo, on_done=self._loaded, on_error=self._fail)

    def _show_sign_in(
        self, *, login: str = "", locked: bool = False, revoked: bool = False, disabled: bool = False
    ) -> None:
        self.sign_in = SignInDialog(login=login, locked=locked, revoked=revoked, disabled=disabled, demo=self.demo)
        self.sign_in.submitted.connect(self._check)
        self.sign_in.quit_requested.connect(self._quit_from_sign_in)
        self.sign_in.recovery_requested.connect(self._show_recovery)
        self.sign_in.forgot_button.setEnabled(self.loaded)
        self.sign_in.show()
        if self.smoke_test and not locked:
            QTimer.singleShot(0, lambda: print("ready", flush=True))

    def _loaded(self, state: State) -> None:
        from ..services.accounts import State

        self.loaded = True
        if self.smoke_test and self.user is not None:
            print("modules_imported", flush=True)  # a phase for the bench's profile of a slow start
        if self.sign_in is not None:
            self.sign_in.forgot_button.setEnabled(True)
        if state is not State.READY:
            self._show_setup(existing_records=state is State.NOT_ENCRYPTED)
        elif self.user is not None:
            if self.smoke_test:
                from ..services.accounts import Derivations

                Derivations.seconds = 0.0  # from the sign-in on: a demo's accounts were derived in setting it up
                Derivations.peaks_tracked = sys.platform == "linux"
            self._check(self.user, self.password or "")
        elif self.smoke_test:
            self.quit()  # the sign-in window is on screen and the program loaded: all a smoke test without --user asks

    def _show_setup(self, *, existing_records: bool) -> None:
        from .setup import SetupDialog

        if self.sign_in is not None:
            self._close_sign_in()
        self.setup = SetupDialog(self.data_dir, self.tasks, existing_records=existing_records)
        self.setup.accepted.connect(lambda: self._set_up(self.setup.result_value))
        self.setup.rejected.connect(self.quit)
        self.setup.restored.connect(self._restored_on_new_computer)
        self.setup.show()
        if self.smoke_test:
            QTimer.singleShot(0, lambda: print("ready", flush=True))
            if self.user is None:
                QTimer.singleShot(0, self.quit)

    def _restored_on_new_computer(self, _backup: str) -> None:
        """The backup of the computer this one replaces is in place: its accounts sign in, as there."""
        setup, self.setup = self.setup, None
        if setup is not None:
            setup.rejected.disconnect(self.quit)
            setup.close()
            setup.deleteLater()
        self._show_sign_in()

    def _set_up(self, set_up: SetUp) -> None:
        self.setup = None
        self._show_recovery_key(set_up.context, _default_lock_minutes(), set_up.recovery_key)

    def _show_recovery_key(
        self, context: StationContext, lock_minutes: int, recovery_key: str, *, again: bool = False
    ) -> None:
        """The recovery key, copied by hand and checked before the station opens; ``again``: the program closed at
        this step after setup, and the administrator's sign-in shows it once more."""
        from ..services import accounts
        from .recovery import RecoveryKeyDialog

        def opened(_kept: object = None) -> None:
            self._open((context, lock_minutes))

        def still_kept(error: Exception) -> None:
            # Opened all the same: the key was copied, and its sealed copy left here only shows it once more.
            log.error("the recovery key's sealed copy could not be removed", exc_info=error)
            opened()

        def kept() -> None:
            self.tasks.run(accounts.recovery_key_copied, self.data_dir, on_done=opened, on_error=still_kept)

        self.waiting = context
        self.recovery_key_dialog = RecoveryKeyDialog(recovery_key, context.station_name, context.user_name, again=again)
        self.recovery_key_dialog.accepted.connect(kept)
        self.recovery_key_dialog.show()

    def _signed_in(self, opened: Opened) -> None:
        context, lock_minutes, recovery_key = opened
        if recovery_key is None or self.smoke_test:  # a smoke test checks the start; a person copies the key
            self._open((context, lock_minutes))
            return
        self._close_sign_in()
        self._show_recovery_key(context, lock_minutes, recovery_key, again=True)

    def _show_recovery(self) -> None:
        from .recovery import RecoveryDialog

        self.recovery = RecoveryDialog(self.data_dir, self.tasks, self.sign_in)
        self.recovery.accepted.connect(lambda: self._recovered(self.recovery.result_value))
        self.recovery.open()

    def _recovered(self, context: StationContext) -> None:
        if self.window is None:
            self._open((context, _default_lock_minutes()))
        elif context.user_id == self.context.user_id:
            # Locked, and its owner forgot the password: the window comes back as it was, typing and all.
            context.close()
            self._unlock_same_person()
        else:  # locked, and another account recovered: as switching user, asked first over unsaved typing
            self._ask_before_closing(lambda: self._replace_window(context), on_no=context.close)

    def _replace_window(self, context: StationContext) -> None:
        self._end_lock(same_person=False)
        self._close_window()
        self._open((context, _default_lock_minutes()))

    def _fail(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            message = render(error.message)
        else:
            log.error("the station could not be opened", exc_info=error)
            # The kind of fault, not its message: a message may quote what a record held.
            message = self.tr("The station's records could not be opened: {error}").format(error=type(error).__name__)
        print(message, file=sys.stderr)
        if not self.smoke_test:
            QMessageBox.critical(self.sign_in, self.tr("heze-station cannot start"), message)
        self.ended.emit(1)

    # --- signing in, locking, switching -------------------------------------------------------------------------

    def _check(self, login: str, password: str) -> None:
        context = self.context
        if context is None:
            self.tasks.run(
                _sign_in,
                self.data_dir,
                login,
                password,
                on_done=self._signed_in,
                on_error=lambda error: self._not_opened(error, login, password),
            )
            return
        from ..services import accounts

        self.window.workspace.tasks.run(
            accounts.check_password,
            context,
            login,
            password,
            on_done=lambda checked: self._unlocked(checked, password),
            on_error=self._refused,
        )

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DomainError):
            log.error("signing in failed", exc_info=error)
        if self.smoke_test and self.user is not None:
            self._fail(error)
        elif self.sign_in is not None:
            self.sign_in.refuse(render(error.message) if isinstance(error, DomainError) else str(error))

    def _not_opened(self, error: Exception, login: str, password: str) -> None:
        """Signing in failed before the station opened: a file that is damaged is offered its latest backup."""
        from ..services import backups

        if backups.restorable(error) and self.sign_in is not None and not self.smoke_test:
            self._offer_restore(render(error.message), login, password)  # type: ignore[attr-defined]
        else:
            self._refused(error)

    def _offer_restore(self, message: str, login: str, password: str) -> None:
        self.sign_in.refuse(message)
        self.restore_offer = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The station's data file is damaged"),
            message
            + "\n\n"
            + self.tr(
                "The station's administrator can put the latest backup in its place now; the damaged file is kept "
                "aside. Changes made after that backup that were already sent come back from the city at the next "
                "sync."
            ),
            parent=self.sign_in,
        )
        self.restore_offer.setTextFormat(Qt.TextFormat.PlainText)
        latest = self.restore_offer.addButton(self.tr("Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole)
        elsewhere = self.restore_offer.addButton(
            self.tr("Restore from another folder…"), QMessageBox.ButtonRole.ActionRole
        )
        self.restore_offer.addButton(QMessageBox.StandardButton.Cancel)
        latest.clicked.connect(lambda: self._restore_latest(login, password, None))
        elsewhere.clicked.connect(lambda: self._choose_backup_folder(login, password))
        self.restore_offer.open()

    def _choose_backup_folder(self, login: str, password: str) -> None:
        chosen = QFileDialog.getExistingDirectory(self.sign_in, self.tr("The folder with the station's backups"))
        if chosen:
            self._restore_latest(login, password, Path(chosen))

    def _restore_latest(self, login: str, password: str, folder: Path | None) -> None:
        from ..services import backups

        self.sign_in.set_busy(True)
        self.tasks.run(
            backups.restore_latest,
            self.data_dir,
            login,
            password,
            folder,
            on_done=lambda restored: self._restored_in_place(restored[1]),
            on_error=self._refused,
        )

    def _restored_in_place(self, kept_aside: Path) -> None:
        self._close_sign_in()
        self._restored(kept_aside)

    def _open(self, opened: tuple[StationContext, int]) -> None:
        context, lock_minutes = opened
        if self.smoke_test:
            print("signed_in", flush=True)
        self._close_sign_in()
        self.recovery_key_dialog = self.recovery = self.waiting = None
        self._signed_in_as(context.user_role)
        workspace = Workspace(context, demo=self.demo)
        if self.demo:
            from .demo import fill_demo_data

            fill_demo_data(workspace)
        self.window = MainWindow(workspace)
        self.window.lock_requested.connect(self.lock)
        self.window.switch_requested.connect(self.switch_user)
        self.window.lock_minutes_changed.connect(self.set_lock_minutes)
        self.window.restore_requested.connect(self._restore)
        self.window.sync.sync_failed.connect(self._sync_failed)
        self.window.sync.sync_finished.connect(self._synced)
        self.window.closed.connect(self._window_closed)
        self.window.show()
        self.set_lock_minutes(lock_minutes)
        if self.smoke_test:
            self._report_loaded_when_idle(workspace)
        self._check_when_loaded(workspace)
        if self.backs_up:
            self.backup_timer.start()
            QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self._back_up_if_due)

    def _check_when_loaded(self, workspace: Workspace) -> None:
        """The start check, once the window has its first data: on the session's thread and its own connection,
        so the window's work never waits for it, and after that work, so it does not slow the first screens."""
        from ..services import health

        window = self.window

        def start(busy: bool) -> None:
            if busy:
                return
            workspace.tasks.busy_changed.disconnect(start)
            if self._closing.is_set():  # the window's first data came as the program closed: no check to start
                return
            self.tasks.run(
                health.start_check,
                workspace.context,
                health.QUICK_CHECK_SECONDS,
                self._closing,
                on_done=window.health_checked,
                on_error=_check_failed,
            )

        workspace.tasks.busy_changed.connect(start)

    def set_lock_minutes(self, minutes: int) -> None:
        self.lock_seconds = minutes * 60.0
        self.idle.start(self.lock_seconds)

    def _report_loaded_when_idle(self, workspace: Workspace) -> None:
        def check() -> None:
            if not workspace.tasks.busy:
                from ..services.accounts import Derivations

                # The password's Argon2id derivation, slow and big on purpose: the bench leaves it out of the start.
                print(f"sign_in_ms {Derivations.seconds * 1000:.1f}", flush=True)
                if Derivations.peaks_tracked:
                    print(f"peak_rss_kib {Derivations.peak_rss_kib()}", flush=True)
                print("loaded", flush=True)
                self.quit()

        workspace.tasks.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, check))
        QTimer.singleShot(0, check)

    def lock(self, *, switching: bool = False, revoked: bool = False, disabled: bool = False) -> None:
        """Hide every window and ask for a password: the same person's, or another account's to switch user;
        ``revoked``: the city blocked this laptop, only the administrator's (services.accounts refuses others);
        ``disabled``: the signed-in account was disabled, another account's."""
        if self.window is None or self.sign_in is not None:
            return
        self.idle.stop()
        from ..services import audit

        self._revoked_lock = self._revoked_lock or revoked
        self.window.workspace.record(audit.record, AuditAction.LOCKED)
        self._hidden = [(each, each.windowModality()) for each in QApplication.topLevelWidgets() if each.isVisible()]
        for widget, _modality in self._hidden:
            widget.hide()
        login = "" if switching or revoked or disabled else self.context.user_login
        self._show_sign_in(login=login, locked=True, revoked=revoked, disabled=disabled)
        # What work under way opens from now on (a print preview, with the parties' ID numbers) is kept back too.
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While locked: a window opening, unless it is the sign-in window's, is kept off the screen."""
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and not self._at_the_lock(watched)
        ):
            # Never on the screen, not even for a moment, and hidden right after: a window hidden during its own
            # show event reached the screen all the same. Without its modality meanwhile: Qt kept a modal window
            # shown off the screen among the modal ones after it was hidden, and crashed once it was deleted; and
            # a modal exec() ends as it is hidden instead of blocking the sign-in window.
            modality = watched.windowModality()
            if isinstance(watched, QMessageBox) and modality is Qt.WindowModality.ApplicationModal:
                # A box of exec() (an error told as a save failed) ends as it is hidden, and is gone by the unlock:
                # its words are told again then.
                self._messages.append((watched.icon(), watched.windowTitle(), watched.text()))
            elif all(widget is not watched for widget, _modality in self._hidden):  # opened again: its own kept
                self._hidden.append((watched, modality))
            watched.setWindowModality(Qt.WindowModality.NonModal)
            watched.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            QTimer.singleShot(0, watched, lambda: _kept_back(watched))
        return False

    def _at_the_lock(self, widget: QWidget | None) -> bool:
        """The sign-in window, or one it opened (a question, the recovery dialog)."""
        while widget is not None and widget is not self.sign_in:
            widget = widget.parentWidget()
        return widget is not None

    def _end_lock(self, *, same_person: bool) -> None:
        """The windows hidden at the lock, and those kept back since, shown again to the same person; for anyone
        else they are dropped (they close with the window)."""
        QApplication.instance().removeEventFilter(self)
        hidden, self._hidden = self._hidden, []
        messages, self._messages = self._messages, []
        if not same_person:
            return
        for widget, modality in hidden:
            if shiboken6.isValid(widget):
                widget.setWindowModality(modality)
                widget.show()
        self._told_again = []
        for icon, title, text in messages:
            told = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
            told.setTextFormat(Qt.TextFormat.PlainText)
            told.open()
            self._told_again.append(told)

    def _sync_failed(self, error: Exception) -> None:
        from ..services.sync_state import SyncProblem
        from ..station_sync.failures import FailureReason

        # A laptop reported lost locks at its first contact with the city, whoever has it open.
        revoked = isinstance(error, SyncProblem) and error.reason is FailureReason.REVOKED
        if revoked and not self._administrator_past_block:
            self.lock(revoked=True)

    def _synced(self, _report: object) -> None:
        """An account the administrator disabled on another laptop stops here at the sync that brings it, not at
        the next lock."""
        from ..services import accounts

        if self.window is not None:
            self.window.workspace.load(
                accounts.signed_in_account_disabled, on_done=lambda disabled: disabled and self.lock(disabled=True)
            )

    def _signed_in_as(self, role: StaffRole) -> None:
        """Someone passed the sign-in window; when it was locked for a revoked laptop, only the administrator could."""
        if self._revoked_lock and role is StaffRole.ADMINISTRATOR:
            self._revoked_lock, self._administrator_past_block = False, True

    def switch_user(self) -> None:
        self.lock(switching=True)

    def _unlocked(self, login: str, password: str) -> None:
        if login == self.context.user_login:
            self._unlock_same_person()
            return
        # Another account: what the previous one had open (and typed) is not for its eyes.
        self._ask_before_closing(lambda: self._open_as_another(login, password))

    def _unlock_same_person(self) -> None:
        self._signed_in_as(self.context.user_role)
        self._close_sign_in()
        self._end_lock(same_person=True)
        self.idle.start(self.lock_seconds)

    def _ask_before_closing(self, close: Callable[[], None], on_no: Callable[[], None] | None = None) -> None:
        """Typing not saved is thrown away only once the person signing in as another account was told (a
        colleague at the idle lock, 切换用户, another account recovered); otherwise ``close`` at once."""
        unsaved = self.window.unsaved_work() if self.window is not None else []
        if not unsaved:
            close()
            return

        def kept() -> None:
            if on_no is not None:
                on_no()
            self._kept_for_owner()

        self.discard_question = ask(
            self.sign_in,
            self.tr("Sign in as another account"),
            self.tr("{name} has not saved: {items}. Signing in as another account closes it unsaved.").format(
                name=self.context.user_name, items="；".join(unsaved)
            ),
            close,
            yes_text=self.tr("Discard and sign in"),
            on_no=kept,
            warning=True,
        )

    def _kept_for_owner(self) -> None:
        """Still locked, its owner's to come back to: the login is the owner's again and the other password gone,
        or the next person's Enter would sign in as the colleague."""
        self.sign_in.set_busy(False)
        self.sign_in.login.setText(self.context.user_login)
        self.sign_in.password.clear()
        self.sign_in.password.setFocus()

    def _open_as_another(self, login: str, password: str) -> None:
        key = self.context.database.key
        self._end_lock(same_person=False)
        self._close_window()
        self.sign_in.set_busy(True)
        self.tasks.run(_open_as, self.data_dir, login, key, password, on_done=self._signed_in, on_error=self._refused)

    def _signed_out(self, window: MainWindow) -> None:
        """The signed-in person's session ends: recorded, then its worker finishes (with that entry) and the
        database closes."""
        from ..services import audit

        window.workspace.record(audit.record, AuditAction.SIGNED_OUT)
        window.workspace.shutdown()

    def _back_up_if_due(self) -> None:
        from ..services import backups

        # The first check's single shot is no timer that finish() stops: a session still open in the event loop
        # after finishing (a test's) must not start work on the workers it has shut down.
        if self.context is not None and not self._closing.is_set():
            self.tasks.run(backups.back_up_if_due, self.context, on_error=_backup_failed)

    def _restore(self, name: str) -> None:
        """A backup in place of the station's database (the administrator asked in 备份与恢复); then everyone
        signs in again, on the restored records."""
        from ..services import backups

        window = self.window
        window.setEnabled(False)

        def failed(error: Exception) -> None:
            window.setEnabled(True)
            window.workspace.show_error(error, window)

        window.workspace.tasks.run(
            backups.restore, window.workspace.context, name, on_done=self._restored, on_error=failed
        )

    def _restored(self, kept_aside: Path) -> None:
        self._end_lock(same_person=False)  # nothing is shown again: the records it showed were replaced
        self._close_window()
        self._show_sign_in()
        self.restored_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Backup restored"),
            self.tr(
                "The backup was restored. The records as they were before are kept in {folder}. Please sign in again."
            ).format(folder=kept_aside),
            QMessageBox.StandardButton.Ok,
            self.sign_in,
        )
        self.restored_box.open()

    def _close_sign_in(self) -> None:
        if self.sign_in is not None:
            self.sign_in.hide()
            self.sign_in.deleteLater()
            self.sign_in = None

    def _close_window(self) -> None:
        window, self.window = self.window, None
        if window is None:
            return
        window.closed.disconnect(self._window_closed)
        window.close_discarding()  # another account, or a restored backup: the typing was not theirs
        self._signed_out(window)
        window.deleteLater()

    def _window_closed(self) -> None:
        self.quit()

    def _quit_from_sign_in(self) -> None:
        """退出 on the sign-in window: at the lock, what was typed behind it is not thrown away unasked."""
        unsaved = self.window.unsaved_work() if self.window is not None else []
        if not unsaved:
            self.quit()
            return
        self.discard_question = ask(
            self.sign_in,
            self.tr("Quit the program"),
            discard_question(unsaved),
            self.quit,
            yes_text=self.tr("Discard and quit"),
            warning=True,
        )

    def quit(self) -> None:
        self.ended.emit(0)

    def finish(self) -> None:
        """After the event loop: stop syncing, let the workers end, close the database."""
        self._closing.set()
        self.idle.stop()
        self.backup_timer.stop()
        QApplication.instance().removeEventFilter(self)  # ended at the lock: no filter outlives the session
        if self.window is not None:
            self.window.sync.shutdown()  # also when the application quit without closing the window
            if self.backs_up:
                from ..services import backups

                self.window.workspace.record(backups.back_up_if_due, True)  # at closing, when anything changed
            self._signed_out(self.window)
        self.tasks.shutdown()
        if self.waiting is not None:  # the program ended with the recovery key on screen: its key stays sealed
            self.waiting.close()


def _kept_back(window: QWidget) -> None:
    window.hide()
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)  # shown at unlock as any window


def _check_failed(error: Exception) -> None:
    log.error("the start check could not run", exc_info=error)


def _backup_failed(error: Exception) -> None:
    # Kept for the administrator by the service (备份与恢复 shows it); an unexpected fault is logged here.
    log.error("the automatic backup failed", exc_info=error)


def _default_lock_minutes() -> int:
    from ..services.accounts import LOCK_MINUTES_DEFAULT

    return LOCK_MINUTES_DEFAULT
