"""Sending the dossier from the window: the checklist, the evidence, a USB token (SoftHSM2) or a .p12 file,
building the signed package on a worker thread, cancelling, a wrong PIN, and checking the package as the
Sở would on the "Kiểm tra gói" page."""
from __future__ import annotations

import os
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.council import nominations
from desktop.signing import trust  # noqa: E402
from desktop.errors import UserError  # noqa: E402
from desktop.progress import Cancelled, Progress  # noqa: E402
from desktop.package.verify import Check  # noqa: E402
from desktop.signing.keys import KeyInfo, TokenInfo  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.package import (  # noqa: E402
    ChecklistModel, ChecksModel, EvidenceChoiceModel, KeysModel, PackageFilesModel, TokensModel, TrustStoreModel,
)
from desktop.ui.pages.send import SendPage  # noqa: E402
from desktop.ui.pages.verify import VerifyPage  # noqa: E402
from desktop.ui.qt import (  # noqa: E402
    QApplication, QDesktopServices, QDragEnterEvent, QDropEvent, QFileDialog, QInputDialog, QLineEdit, QMessageBox,
    QMimeData, QPointF, QSettings, Qt, QUrl,
)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

NDKG = 1        # the demo's "Ngày không giấy" campaign: council held, every document finalised
DMST = 2        # the demo's other campaign: nothing drafted yet


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "goi"
    folder.mkdir()
    return folder


@pytest.fixture
def send_page(qtbot, demo_store):
    page = SendPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def verify_page(qtbot, store):
    page = VerifyPage(store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


class Secrets:
    """QInputDialog.getText answered with the given texts, in turn; records what was asked and how."""

    def __init__(self, monkeypatch, *answers: str | None):
        self.answers = list(answers)
        self.asked: list[tuple[str, object]] = []
        monkeypatch.setattr(QInputDialog, "getText", self)

    def __call__(self, _parent, _title, label, echo=QLineEdit.Normal, *args, **kwargs):
        self.asked.append((label, echo))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return ("", False) if answer is None else (answer, True)


class Messages:
    """QMessageBox.warning/critical/question recorded instead of shown; questions answered ``answer``."""

    def __init__(self, monkeypatch, answer=QMessageBox.Yes):
        self.shown: list[tuple[str, str, str]] = []
        self.answer = answer
        for kind in ("warning", "critical", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _recorder(self, kind):
        def show(_parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            return QMessageBox.Ok
        return show

    def _question(self, _parent, title, text, *args, **kwargs):
        self.shown.append(("question", title, text))
        return self.answer


def choose_output(qtbot, monkeypatch, page, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path.with_suffix("")), ""))
    qtbot.mouseClick(page.output_btn, Qt.LeftButton)
    assert page.output.text() == str(path)


def use_token(qtbot, page, softhsm) -> None:
    """Pick the token's driver by typing its path, then find the token."""
    qtbot.mouseClick(page.token_radio, Qt.LeftButton)
    page.module.lineEdit().clear()
    qtbot.keyClicks(page.module.lineEdit(), softhsm.module)
    qtbot.mouseClick(page.find_btn, Qt.LeftButton)
    assert page.tokens.rowCount() == 1
    assert page.tokens.index(0, 0).data() == softhsm.token
    # "Bình thường", or a warning once some test (here or in test_signing) typed a wrong PIN.
    assert page.tokens.index(0, 3).data() in ("Bình thường", "Đã nhập sai PIN, còn ít lần thử")
    assert page.selected_token().label == softhsm.token


def build(qtbot, page):
    with qtbot.waitSignal(page.build_finished, timeout=60000) as blocker:
        qtbot.mouseClick(page.build_btn, Qt.LeftButton)
    return blocker.args[0]


def verify(qtbot, page, path: Path):
    with qtbot.waitSignal(page.verified, timeout=60000) as blocker:
        page.open_file(str(path))
    assert blocker.args[0].error is None
    return blocker.args[0].value


def checks_column(page, column: int) -> list[str]:
    return [page.checks.index(r, column).data() for r in range(page.checks.rowCount())]


def drop_files(widget, paths):
    """Drop files on a widget the way a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


# ---------------------------------------------------------------------- the dossier and its checklist


def test_checklist_and_why_the_button_is_disabled(send_page):
    page = send_page
    assert page.campaign_id() == NDKG                 # the campaign whose dossier is ready comes first
    model = page.checklist
    assert model.rowCount() == 3
    assert [model.index(r, 1).data() for r in range(3)] == ["Đã hoàn thiện"] * 3
    to_trinh = model.index(0, 0)
    assert to_trinh.data() == "Tờ trình đề nghị khen thưởng"
    assert model.index(0, 1, to_trinh).data() == "Đã hoàn thiện"   # the drafted document under it
    assert page.build_btn.isEnabled()
    assert page.build_btn.text() == "Ký và tạo gói"
    assert "đã hoàn thiện" in page.problems_label.text()
    assert page.output.text().endswith(".asice")
    assert "Ngày không giấy" in Path(page.output.text()).name

    page.set_campaign(DMST)
    assert [model.index(r, 1).data() for r in range(3)] == ["Thiếu"] * 3
    missing = model.index(0, 0, model.index(0, 0))
    assert missing.data() == "Tờ trình chưa được soạn"                 # listed under its document
    assert not page.build_btn.isEnabled()
    reasons = page.problems_label.text()
    assert reasons.startswith("Chưa tạo được gói hồ sơ")
    assert "Tờ trình chưa được soạn" in reasons
    assert "Hội đồng chưa họp xét" in reasons

    page.set_campaign(NDKG)
    assert page.build_btn.isEnabled()


def test_evidence_is_chosen_file_by_file(send_page):
    model = send_page.evidence
    assert model.rowCount() == 9
    assert model.checked_ids() == []
    assert send_page.evidence_summary.text() == "Đã chọn 0/9 tệp"
    assert model.setData(model.index(0, 0), Qt.Checked, Qt.CheckStateRole)
    assert len(model.checked_ids()) == 1
    assert send_page.evidence_summary.text().startswith("Đã chọn 1/9 tệp (")
    send_page.all_btn.click()
    assert len(model.checked_ids()) == 9
    send_page.none_btn.click()
    assert model.checked_ids() == []


# ---------------------------------------------------------------------- the whole way, with a USB token


def test_send_with_a_token_then_check_the_package(qtbot, monkeypatch, demo_store, softhsm, pki, out_dir):
    window = MainWindow(demo_store, remember=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.nav_model.item(i).text() for i in range(window.nav_model.rowCount())]
    assert titles[-2:] == ["Gửi hồ sơ", "Kiểm tra gói"]
    assert PAGE_KEYS["gui-ho-so"] == "send" and PAGE_KEYS["kiem-tra-goi"] == "verify"
    window.show_page("gui-ho-so")
    page = window.pages["send"]
    assert page.campaign_id() == NDKG and page.build_btn.isEnabled()
    passed = {r.id for r in nominations.list_for_campaign(demo_store, NDKG) if r.status == "thong_qua"}
    assert passed

    use_token(qtbot, page, softhsm)
    secrets = Secrets(monkeypatch, softhsm.pin)
    qtbot.mouseClick(page.keys_btn, Qt.LeftButton)
    assert secrets.asked[-1][1] == QLineEdit.Password
    assert page.keys.rowCount() == 1
    assert page.keys.index(0, 0).data() == softhsm.key_label
    assert page.keys.index(0, 1).data().startswith("Nguyễn Thị Văn Thư")
    assert page.keys.index(0, 4).data() == "Có"
    assert page.selected_key() == "id 01"

    evidence = page.evidence
    evidence.setData(evidence.index(0, 0), Qt.Checked, Qt.CheckStateRole)
    chosen = evidence.index(0, 0).data()
    target = out_dir / "ho-so.asice"
    choose_output(qtbot, monkeypatch, page, target)
    messages = Messages(monkeypatch)

    outcome = build(qtbot, page)
    assert outcome.error is None, outcome.trace
    assert target.is_file()
    assert sorted(p.name for p in out_dir.iterdir()) == ["ho-so.asice"]      # no temporary file left
    assert len(secrets.asked) == 2 and secrets.asked[-1][1] == QLineEdit.Password
    assert messages.shown == []
    assert str(target) in page.status.text()
    assert "Nguyễn Thị Văn Thư" in page.status.text()
    assert not page.progress.isVisible() and not page.cancel_btn.isVisible()
    assert page.build_btn.isEnabled()
    # The PIN is never remembered; the driver is.
    settings = QSettings()
    assert settings.value("send/pkcs11_module") == softhsm.module
    assert softhsm.pin not in {str(settings.value(k)) for k in settings.allKeys()}
    # The council's passed nominations have left with the package.
    statuses = {r.id: r.status for r in nominations.list_for_campaign(demo_store, NDKG)}
    assert all(statuses[i] == "da_gui" for i in passed)

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert page.open_folder_btn.isVisible()
    qtbot.mouseClick(page.open_folder_btn, Qt.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(out_dir)]

    # "Kiểm tra gói": the package just made, against the test CA.
    checker = window.pages["verify"]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(pki.ca_pem)], ""))
    qtbot.mouseClick(checker.add_anchor_btn, Qt.LeftButton)
    assert checker.anchors.rowCount() == 1
    # The trust store is in the data file (it travels with backups), not in the window's settings.
    assert [t.source for t in trust.list_all(demo_store)] == ["ca.pem"]
    assert QSettings().value("verify/trust_anchors") is None
    with qtbot.waitSignal(checker.verified, timeout=60000):
        qtbot.mouseClick(page.verify_btn, Qt.LeftButton)
    assert window.current_page() == "verify"
    assert checker.path.text() == str(target)
    assert checker.verdict.text() == "✓ HỢP LỆ"
    assert "1b6e20" in checker.verdict.styleSheet()
    assert checker.signer.text() == "Nguyễn Thị Văn Thư"
    assert "giờ Việt Nam" in checker.signing_time.text()
    assert checker.checks.rowCount() > 5
    assert set(checks_column(checker, 0)) == {"✓"}
    files = [checker.files.index(r, 0).data() for r in range(checker.files.rowCount())]
    assert chosen in files
    assert any(f.startswith("Tờ trình") and f.endswith(".pdf") for f in files)
    kinds = {checker.files.index(r, 1).data() for r in range(checker.files.rowCount())}
    assert {"Văn bản đã ký (PDF)", "Minh chứng"} <= kinds

    # One byte changed: not valid, and the failed check says why.
    tampered = out_dir / "sua-doi.asice"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    verify(qtbot, checker, tampered)
    assert checker.verdict.text() == "✗ KHÔNG HỢP LỆ"
    assert "b00020" in checker.verdict.styleSheet()
    marks = checks_column(checker, 0)
    assert "✗" in marks
    assert "không đạt" in checker.summary.text()


def test_a_wrong_pin_is_said_in_vietnamese_and_leaves_no_file(qtbot, monkeypatch, send_page, softhsm, out_dir,
                                                               demo_store):
    page = send_page
    use_token(qtbot, page, softhsm)
    Secrets(monkeypatch, "000000")
    messages = Messages(monkeypatch)
    target = out_dir / "ho-so.asice"
    choose_output(qtbot, monkeypatch, page, target)

    outcome = build(qtbot, page)
    assert isinstance(outcome.error, UserError)
    assert [m[0] for m in messages.shown] == ["warning"]
    assert "Mã PIN không đúng" in messages.shown[0][2]
    assert "Mã PIN không đúng" in page.status.text()
    assert list(out_dir.iterdir()) == []
    assert page.build_btn.isEnabled()
    assert {r.status for r in nominations.list_for_campaign(demo_store, NDKG)} >= {"thong_qua"}


def test_cancel_during_the_build_leaves_no_file(qtbot, monkeypatch, send_page, softhsm, out_dir, demo_store):
    page = send_page
    use_token(qtbot, page, softhsm)
    Secrets(monkeypatch, softhsm.pin)
    messages = Messages(monkeypatch)
    target = out_dir / "ho-so.asice"
    choose_output(qtbot, monkeypatch, page, target)

    # Hold the worker at its first progress report (made off the GUI thread) until the clerk has pressed Cancel.
    reached, go_on = threading.Event(), threading.Event()
    report = Progress.__call__

    def held(self, done, total, message=""):
        report(self, done, total, message)
        if threading.current_thread() is not threading.main_thread():
            reached.set()
            go_on.wait(30)

    monkeypatch.setattr(Progress, "__call__", held)
    qtbot.mouseClick(page.build_btn, Qt.LeftButton)
    assert page.cancel_btn.isVisible() and page.cancel_btn.isEnabled()
    assert not page.build_btn.isEnabled() and not page.campaign.isEnabled()
    qtbot.waitUntil(reached.is_set, timeout=30000)
    with qtbot.waitSignal(page.build_finished, timeout=60000) as blocker:
        qtbot.mouseClick(page.cancel_btn, Qt.LeftButton)
        go_on.set()
    assert isinstance(blocker.args[0].error, Cancelled)
    assert messages.shown == []                      # a cancel needs no message box
    assert page.status.text() == "Đã hủy tạo gói hồ sơ; không có tệp nào được ghi."
    assert list(out_dir.iterdir()) == []
    assert "thong_qua" in {r.status for r in nominations.list_for_campaign(demo_store, NDKG)}
    assert page.build_btn.isEnabled() and not page.cancel_btn.isVisible()


# ---------------------------------------------------------------------- a .p12 file


def test_send_with_a_p12_file(qtbot, monkeypatch, send_page, verify_page, pki, out_dir):
    page = send_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pki.signer_p12), ""))
    qtbot.mouseClick(page.p12_browse, Qt.LeftButton)
    assert page.p12_radio.isChecked() and page.source_stack.currentIndex() == 0
    target = out_dir / "ho-so.asice"
    choose_output(qtbot, monkeypatch, page, target)

    # A wrong password first, then the right one.
    messages = Messages(monkeypatch, answer=QMessageBox.No)
    Secrets(monkeypatch, "sai mật khẩu")
    outcome = build(qtbot, page)
    assert isinstance(outcome.error, UserError)
    assert messages.shown[-1][2] == "Mật khẩu của tệp chữ ký số signer.p12 không đúng."
    assert list(out_dir.iterdir()) == []

    secrets = Secrets(monkeypatch, pki.password)
    outcome = build(qtbot, page)
    assert outcome.error is None, outcome.trace
    assert target.is_file()
    assert "signer.p12" in secrets.asked[0][0]
    assert QSettings().value("send/key_source") == "p12"
    assert QSettings().value("send/p12_path") == str(pki.signer_p12)

    # The file is there: building again asks before replacing it; "No" leaves it as it was.
    before = target.read_bytes()
    asked = len(messages.shown)
    qtbot.mouseClick(page.build_btn, Qt.LeftButton)
    assert messages.shown[asked][0] == "question"
    assert page.worker is None and target.read_bytes() == before

    # The Sở drops the CA and the package on "Kiểm tra gói".
    with qtbot.waitSignal(verify_page.verified, timeout=60000):
        drop_files(verify_page, [pki.ca_pem, target])
    assert verify_page.anchors.rowCount() == 1 and verify_page.anchors.has_root()
    assert verify_page.verdict.text() == "✓ HỢP LỆ"
    assert set(checks_column(verify_page, 0)) == {"✓"}


def test_without_a_trust_anchor_the_signer_is_not_confirmed(qtbot, verify_page, identity, tmp_path):
    from desktop.package.asice import build_package

    target = tmp_path / "goi.asice"
    build_package(target, [("van-ban/to-trinh.txt", "Đề nghị khen thưởng".encode())], identity)
    verify(qtbot, verify_page, target)
    assert verify_page.verdict.text() == "✗ KHÔNG HỢP LỆ"
    failed = [verify_page.checks.index(r, 1).data() for r in range(verify_page.checks.rowCount())
              if verify_page.checks.index(r, 0).data() == "✗"]
    assert failed == ["Chưa chọn chứng thư số gốc tin cậy (CA) nên không xác nhận được người ký."]
    assert "chứng thư số gốc" in verify_page.anchors_hint.text()


def test_a_file_that_is_not_a_package(qtbot, verify_page, tmp_path):
    junk = tmp_path / "khong-phai-goi.asice"
    junk.write_bytes(b"not a zip at all")
    verify(qtbot, verify_page, junk)
    assert verify_page.verdict.text() == "✗ KHÔNG HỢP LỆ"
    assert "✗" in checks_column(verify_page, 0)


# ---------------------------------------------------------------------- the models


def test_models_pass_the_model_tester(qtmodeltester, demo_store, pki, tmp_path):
    import datetime as dt

    for campaign_id in (NDKG, DMST):
        checklist = ChecklistModel(demo_store)
        checklist.set_campaign(campaign_id)
        qtmodeltester.check(checklist)
        evidence = EvidenceChoiceModel(demo_store)
        evidence.set_campaign(campaign_id)
        evidence.setData(evidence.index(0, 0), Qt.Checked, Qt.CheckStateRole)
        qtmodeltester.check(evidence)

    tokens = TokensModel()
    tokens.set_tokens([TokenInfo("Token A", "0011", "SafeNet", "eToken", "slot 1"),
                       TokenInfo("Token B", "0022", "Feitian", "ePass2003", "slot 2", pin_final_try=True)])
    qtmodeltester.check(tokens)
    assert tokens.index(1, 3).data() == "Chỉ còn một lần nhập PIN"

    now = dt.datetime.now(dt.timezone.utc)
    keys = KeysModel()
    keys.set_keys([KeyInfo("ky-so", "01", "Nguyễn Văn A", "UBND xã", "CA", now, now + dt.timedelta(days=30)),
                   KeyInfo("cu", "02", None, None, None, None, None, problem="không có chứng thư số")])
    qtmodeltester.check(keys)
    assert keys.first_usable() == 0 and keys.index(1, 4).data() == "không có chứng thư số"

    trust.add_file(demo_store, pki.ca_pem)
    anchors = TrustStoreModel(demo_store)
    qtmodeltester.check(anchors)
    assert anchors.rowCount() == 1 and anchors.has_root()
    assert anchors.index(0, 0).data().startswith("CA gốc: ")

    checks = ChecksModel()
    checks.set_checks([Check("file.digest", True, "“a.pdf”: nội dung đúng như khi ký.", "van-ban/a.pdf"),
                       Check("signature.chain", False, "Chưa chọn chứng thư số gốc tin cậy (CA).")])
    qtmodeltester.check(checks)

    files = PackageFilesModel()
    files.set_files(["van-ban/Tờ trình.pdf", "minh-chung/anh.png", "khac/x.txt"])
    qtmodeltester.check(files)
    assert files.index(2, 1).data() == "khac"


# ---------------------------------------------------------------------- signed PDFs and the trust store


def test_the_page_checks_a_signed_pdf_and_a_folder(qtbot, monkeypatch, verify_page, identity, pki, tmp_path):
    from desktop.signing.pdf import sign_pdf

    from pki_fixtures import make_pdf

    folder = tmp_path / "van-ban"
    folder.mkdir()
    signed = folder / "To trinh.pdf"
    source = tmp_path / "in.pdf"
    source.write_bytes(make_pdf())
    sign_pdf(source, signed, identity)
    (folder / "Bien ban.pdf").write_bytes(signed.read_bytes() + b"\n%them\n")   # changed after signing

    report = verify(qtbot, verify_page, signed)
    assert report.kind == "pdf"
    assert verify_page.verdict.text() == "✗ KHÔNG HỢP LỆ"      # no root trusted yet
    assert verify_page.signer.text() == "Nguyễn Thị Văn Thư"
    failed = [verify_page.checks.index(r, 1).data() for r in range(verify_page.checks.rowCount())
              if verify_page.checks.index(r, 0).data() == "✗"]
    assert len(failed) == 1 and "CA THỬ NGHIỆM" in failed[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(pki.ca_pem)], ""))
    with qtbot.waitSignal(verify_page.verified, timeout=60000):
        qtbot.mouseClick(verify_page.add_anchor_btn, Qt.LeftButton)   # importing checks again
    assert verify_page.verdict.text() == "✓ HỢP LỆ"
    assert set(checks_column(verify_page, 0)) == {"✓"}

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(verify_page.verified, timeout=60000) as blocker:
        qtbot.mouseClick(verify_page.open_folder_btn, Qt.LeftButton)
    assert blocker.args[0].value.kind == "folder"
    assert verify_page.verdict.text() == "✗ KHÔNG HỢP LỆ"
    assert {verify_page.files.index(r, 0).data() for r in range(verify_page.files.rowCount())} == {
        "To trinh.pdf", "Bien ban.pdf"}
    assert {verify_page.files.index(r, 1).data() for r in range(verify_page.files.rowCount())} == {"Văn bản PDF"}
    failed = [(verify_page.checks.index(r, 1).data(), verify_page.checks.index(r, 2).data())
              for r in range(verify_page.checks.rowCount()) if verify_page.checks.index(r, 0).data() == "✗"]
    assert [f for _, f in failed] == ["Bien ban.pdf"] and "nối thêm" in failed[0][0]


def test_the_trust_store_on_the_page(qtbot, monkeypatch, store, pki, tmp_path):
    # A CA file remembered by path by an earlier version moves into the data file once.
    QSettings().setValue("verify/trust_anchors", [str(pki.ca_pem)])
    page = VerifyPage(store)
    qtbot.addWidget(page)
    assert page.anchors.rowCount() == 1 and QSettings().value("verify/trust_anchors") is None
    assert [t.source for t in trust.list_all(store)] == ["ca.pem"]

    # A signer's own certificate is refused with a message; nothing is added.
    from desktop.demo import pki as demo_pki

    leaf = tmp_path / "nguoi-ky.pem"
    demo_pki.write_pem(leaf, [pki.signer.cert])
    messages = Messages(monkeypatch, answer=QMessageBox.No)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(leaf)], ""))
    qtbot.mouseClick(page.add_anchor_btn, Qt.LeftButton)
    assert messages.shown[-1][0] == "warning" and "không phải của tổ chức chứng thực" in messages.shown[-1][2]
    assert page.anchors.rowCount() == 1

    # Removing asks first; "No" keeps it, "Yes" removes it.
    page.anchors_view.setCurrentIndex(page.anchors.index(0, 0))
    qtbot.mouseClick(page.remove_anchor_btn, Qt.LeftButton)
    assert messages.shown[-1][0] == "question" and page.anchors.rowCount() == 1
    messages.answer = QMessageBox.Yes
    qtbot.mouseClick(page.remove_anchor_btn, Qt.LeftButton)
    assert page.anchors.rowCount() == 0 and trust.list_all(store) == []


def test_send_as_signed_pdfs_for_the_document_system(qtbot, monkeypatch, send_page, pki, out_dir, demo_store):
    from desktop.dossier import printing

    page = send_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pki.signer_p12), ""))
    qtbot.mouseClick(page.p12_browse, Qt.LeftButton)
    assert page.output.text().endswith(".asice")
    page.format.setCurrentIndex(page.format.findData("pdfs"))
    assert not page.output.text().endswith(".asice")          # a folder has no suffix
    assert not page.evidence_view.isEnabled()                 # evidence travels only in the package
    assert QSettings().value("send/format") == "pdfs"
    target = out_dir / "Hồ sơ gửi Sở"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.output_btn, Qt.LeftButton)
    assert page.output.text() == str(target)
    Secrets(monkeypatch, pki.password)
    outcome = build(qtbot, page)
    assert outcome.error is None, outcome.trace
    assert target.is_dir() and "Danh sách đề nghị khen thưởng.xlsx" in {p.name for p in target.iterdir()}
    assert "mỗi chữ ký đã được kiểm tra" in page.status.text()
    assert "thư mục các tệp PDF đã ký số" in printing.entries(demo_store)[0]["reason"]
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(page.open_folder_btn, Qt.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(target)]

    page.format.setCurrentIndex(page.format.findData("zip"))
    assert page.output.text() == str(target) + ".zip"
    page.format.setCurrentIndex(page.format.findData("asice"))
    assert page.output.text() == str(target) + ".asice" and page.evidence_view.isEnabled()


def test_a_package_signed_with_xades_is_shown_as_not_checkable(qtbot, verify_page, tmp_path):
    import zipfile

    package = tmp_path / "xades.asice"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("mimetype", b"application/vnd.etsi.asic-e+zip")
        archive.writestr("Tai lieu/cong-van.txt", "Công văn".encode())
        archive.writestr("META-INF/signatures0.xml", b'<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"/>')
    report = verify(qtbot, verify_page, package)
    assert report.verdict == "unsupported"
    assert verify_page.verdict.text() == "? CHƯA KIỂM TRA ĐƯỢC"
    assert "c25e00" in verify_page.verdict.styleSheet()
    assert "phần mềm khác" in verify_page.summary.text()


def test_a_listed_paper_is_attached_from_the_page(send_page, demo_store, tmp_path, monkeypatch):
    from desktop.dossier import attachments, build as dossier
    from desktop.campaigns import campaign as campaigns
    from desktop.ui.qt import QFileDialog, QInputDialog

    c = campaigns.get(demo_store, 1)
    c.documents.append(campaigns.DossierDocument("Giấy xác nhận của cơ quan bảo hiểm xã hội"))
    campaigns.save(demo_store, c)
    send_page.reload()                  # as when the campaign page announces the change
    assert any("chưa đính kèm" in p for p in send_page.problems)
    paper = tmp_path / "bhxh.png"
    paper.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (asked.append(a[3]), (a[3][0], True))[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(paper), ""))
    send_page.attach_btn.click()
    assert asked == [["4. Giấy xác nhận của cơ quan bảo hiểm xã hội"]]
    assert [a.file_name for a in attachments.list_for_campaign(demo_store, 1)] == ["bhxh.png"]
    assert send_page.problems == [] and dossier.required(demo_store, 1)[-1].state == "hoan_thien"
    top = send_page.checklist.index(3, 0)
    assert send_page.checklist.index(0, 0, top).data() == "bhxh.png"


def test_the_page_and_the_command_line_open_the_key_the_same_way(qtbot, monkeypatch, send_page, demo_store, pki,
                                                                   out_dir):
    """Both describe the key as a KeySource and open it with desktop.signing.source.load_key."""
    from desktop.commands import main as cli
    from desktop.signing import source as key_sources

    opened = []

    def load_key(source, secret):
        opened.append((source, secret))
        raise UserError("Khóa thử: dừng trước khi ký.")

    monkeypatch.setattr(key_sources, "load_key", load_key)
    page = send_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pki.signer_p12), ""))
    qtbot.mouseClick(page.p12_browse, Qt.LeftButton)
    choose_output(qtbot, monkeypatch, page, out_dir / "tu-cua-so.asice")
    messages = Messages(monkeypatch, answer=QMessageBox.No)
    Secrets(monkeypatch, pki.password)
    outcome = build(qtbot, page)
    assert str(outcome.error) == "Khóa thử: dừng trước khi ký."
    assert messages.shown[-1][2] == "Khóa thử: dừng trước khi ký."

    monkeypatch.setenv("THIDUA_PIN", pki.password)
    code = cli.main(["--db", str(demo_store.path), "package", "build", str(NDKG), str(out_dir / "tu-lenh.asice"),
                     "--p12", str(pki.signer_p12)])
    assert code == 2
    assert len(opened) == 2
    assert opened[0] == opened[1] == (key_sources.KeySource("p12", str(pki.signer_p12)), pki.password)
    assert list(out_dir.iterdir()) == []


def test_drivers_offered_are_the_remembered_one_then_the_installed_ones():
    from desktop.signing.source import driver_choices

    assert driver_choices(["/opt/a.so"], ["/usr/lib/b.so", "/opt/a.so", ""]) == ["/opt/a.so", "/usr/lib/b.so"]
    assert driver_choices([""], []) == []
