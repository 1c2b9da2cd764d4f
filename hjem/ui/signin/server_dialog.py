"""Settings → Team server …: where the team's server is (host, port, database), how hjem
checks it (TLS mode, the CA file the coordinator hands out), or no team server at all.

Nothing secret is asked here: each person's name and password belong to the sign-in dialog.
A TLS mode hjem would refuse for the server (no encryption to another computer) is said here,
in the same words the connection would use, before it is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hjem.db.server_address import DEFAULT_DATABASE, DEFAULT_PORT, TeamServer
from hjem.errors import UserError
from hjem.i18n import tr

TLS_MODES = {  # libpq's sslmode, and what it means
    "verify-full": "team_server.mode.verify-full",
    "verify-ca": "team_server.mode.verify-ca",
    "require": "team_server.mode.require",
    "disable": "team_server.mode.disable",
}
REMOVED = 2  # the dialog's result when the person chose no team server


class TeamServerDialog(QDialog):
    def __init__(self, server: TeamServer | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("team_server_dialog")
        self.setWindowTitle(tr("team_server.title"))
        self.server: TeamServer | None = server
        self.host = self._line("team_server_host", tr("team_server.host_hint"))
        self.port = QSpinBox()
        self.port.setObjectName("team_server_port")
        self.port.setRange(1, 65_535)
        self.database = self._line("team_server_database", "")
        self.mode = QComboBox()
        self.mode.setObjectName("team_server_tls")
        for mode, key in TLS_MODES.items():
            self.mode.addItem(tr(key), mode)
        self.ca_file = self._line("team_server_ca", tr("team_server.ca_hint"))
        self.message = QLabel()
        self.message.setObjectName("team_server_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self._fill(server)
        self._lay_out()

    @staticmethod
    def _line(name: str, hint: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(hint)
        line.setMinimumWidth(300)
        return line

    def _fill(self, server: TeamServer | None) -> None:
        self.host.setText(server.host if server else "")
        self.port.setValue(server.port if server else DEFAULT_PORT)
        self.database.setText(server.database if server else DEFAULT_DATABASE)
        mode = server.sslmode if server else "verify-full"
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.ca_file.setText(server.sslrootcert if server else "")

    def _lay_out(self) -> None:
        intro = QLabel(tr("team_server.intro"))
        intro.setWordWrap(True)
        choose = QPushButton(tr("team_server.choose_ca"))
        choose.setObjectName("team_server_choose_ca")
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(tr("team_server.host"), self.host)
        form.addRow(tr("team_server.port"), self.port)
        form.addRow(tr("team_server.database"), self.database)
        form.addRow(tr("team_server.tls"), self.mode)
        form.addRow(tr("team_server.ca_file"), ca_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(560)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        save = buttons.addButton(tr("team_server.save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("team_server_save")
        save.setDefault(True)
        buttons.addButton(tr("team_server.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        remove = buttons.addButton(
            tr("team_server.remove"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        remove.setObjectName("team_server_remove")
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("team_server.choose_ca_title"),
            self.ca_file.text(),
            tr("team_server.ca_filter"),
        )
        if name:
            self.ca_file.setText(name)

    def _save(self) -> None:
        server = TeamServer(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            str(self.mode.currentData()),
            self.ca_file.text().strip(),
        )
        problem = _problem_with(server)
        if problem:
            self.message.setText(problem)
            return
        self.server = server
        self.accept()

    def _remove(self) -> None:
        self.server = None
        self.done(REMOVED)


def _problem_with(server: TeamServer) -> str:
    """What keeps hjem from using `server`, said in the person's language; "" when nothing."""
    if not server.host:
        return tr("team_server.host_missing")
    if not server.database:
        return tr("team_server.database_missing")
    from hjem.db.engine import database_url  # the same TLS rule the connection follows

    try:
        database_url(server.url("hjem", ""))
    except UserError as problem:
        return problem.message.text()
    return ""
