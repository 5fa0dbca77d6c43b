"""Signing keys (PKCS#12, PKCS#11 on SoftHSM2), PDF signatures and the demo PKI."""
from __future__ import annotations

import io
import os
import stat
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from desktop.errors import UserError
from desktop.signing import certs, keys
from desktop.demo import pki as demo_pki
from desktop.signing.pdf import SignatureAppearance, sign_pdf



# ---------------------------------------------------------------------- helpers


def _validate(pdf: bytes, ca_cert, **kwargs):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf))
    results = []
    for sig in reader.embedded_signatures:
        context = ValidationContext(trust_roots=[certs.to_asn1(ca_cert)], allow_fetching=False)
        results.append((sig, validate_pdf_signature(sig, signer_validation_context=context, **kwargs)))
    return results


def _appearance_text(pdf: bytes, field_index: int = -1) -> str:
    """Text drawn in a signature widget's appearance, extracted through its ToUnicode map."""
    from pypdf import PageObject, PdfReader
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    reader = PdfReader(io.BytesIO(pdf))
    widgets = [
        a.get_object() for page in reader.pages for a in page.get("/Annots", []) if a.get_object().get("/FT") == "/Sig"
    ]
    ap = widgets[field_index]["/AP"]["/N"]
    page = PageObject.create_blank_page(width=300, height=200)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Sig"): ap})}
    )
    content = DecodedStreamObject()
    content.set_data(b"/Sig Do")
    page[NameObject("/Contents")] = content
    return page.extract_text()


def _appearance_fonts(pdf: bytes) -> list:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    fonts = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            ap = annot.get_object()["/AP"]["/N"].get_object()
            fonts.extend(f.get_object() for f in ap["/Resources"].get("/Font", {}).values())
    return fonts


# ---------------------------------------------------------------------- certificates and demo PKI


def test_vietnam_time_has_fixed_offset():
    moment = datetime(2026, 11, 22, 2, 15, 0, 123456, tzinfo=timezone.utc)
    assert certs.format_vn_time(moment) == "2026-11-22T09:15:00+07:00"


def test_demo_pki_files_names_and_extensions(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12

    result = demo_pki.create_demo_pki(tmp_path / "demo")
    assert result.password_file.read_text().strip() == result.password
    if os.name == "posix":
        assert stat.S_IMODE(result.password_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(result.signer_p12.stat().st_mode) == 0o600
    ca = x509.load_pem_x509_certificate(result.ca_pem.read_bytes())
    key, signer, chain = pkcs12.load_key_and_certificates(result.signer_p12.read_bytes(), result.password.encode())
    assert key is not None and [c.subject for c in chain] == [ca.subject]
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is True
    usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    for cert in (ca, signer):
        names = " ".join(a.value for a in cert.subject)
        assert "THỬ NGHIỆM" in names and "KHÔNG DÙNG THẬT" in names
    now = datetime.now(timezone.utc)
    assert timedelta(hours=23) < now - signer.not_valid_before_utc < timedelta(hours=25)
    assert abs((signer.not_valid_after_utc - signer.not_valid_before_utc) - timedelta(days=730)) < timedelta(days=1)
    with pytest.raises(UserError, match="đã có"):
        demo_pki.create_demo_pki(tmp_path / "demo")


def test_cli_cert_demo_prints_password(tmp_path, capsys):
    from desktop.commands.main import main

    assert main(["cert", "demo", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    password = (tmp_path / "d" / "password.txt").read_text().strip()
    assert password in out and "THỬ NGHIỆM" in out
    assert main(["cert", "demo", str(tmp_path / "d")]) == 2


# ---------------------------------------------------------------------- PKCS#12


def test_load_p12(pki):
    with keys.load_p12(pki.signer_p12, pki.password) as identity:
        assert identity.name == "Nguyễn Thị Văn Thư"
        assert identity.organisation == "UBND xã An Bình (THỬ NGHIỆM)"
        assert [c.subject for c in identity.chain] == [certs.to_asn1(pki.ca.cert).subject]


def test_p12_wrong_password(pki):
    with pytest.raises(UserError, match="Mật khẩu của tệp chữ ký số signer.p12 không đúng"):
        keys.load_p12(pki.signer_p12, "sai-mat-khau")


def test_p12_not_a_p12_and_missing(pki, tmp_path):
    with pytest.raises(UserError, match="không phải tệp chữ ký số PKCS#12"):
        keys.load_p12(pki.ca_pem, pki.password)
    with pytest.raises(UserError, match="Không tìm thấy tệp chữ ký số"):
        keys.load_p12(tmp_path / "khong-co.p12", pki.password)


def test_expired_certificate_refused(pki):
    with pytest.raises(UserError, match="đã hết hạn"):
        keys.load_p12(pki.expired_p12, pki.password)


def test_not_yet_valid_certificate_refused(pki):
    with pytest.raises(UserError, match="chưa có hiệu lực"):
        keys.load_p12(pki.future_p12, pki.password)


def test_certificate_without_signing_usage_refused(pki):
    with pytest.raises(UserError, match="không được cấp cho mục đích ký số"):
        keys.load_p12(pki.no_usage_p12, pki.password)


def test_password_not_kept(pki):
    with keys.load_p12(pki.signer_p12, pki.password) as identity:
        assert pki.password not in repr(identity) and pki.password not in repr(vars(identity))


# ---------------------------------------------------------------------- PDF signing


def test_sign_pdf_p12_text_appearance(pki, identity, pdf_file, tmp_path):
    from pyhanko.sign.validation import SignatureCoverageLevel

    out = tmp_path / "signed.pdf"
    # The signing time is set by the test, inside the certificate's validity (which starts a day
    # before the session's clock), so the test passes on any date.
    start = pki.signer.cert.not_valid_before_utc
    moment = (start + timedelta(hours=5)).replace(minute=15, second=0, microsecond=0)
    local = moment.astimezone(timezone(timedelta(hours=7)))
    result = sign_pdf(pdf_file, out, identity, reason="Trình Sở", location="An Bình", signing_time=moment)
    assert result.level == "B-B" and result.page_index == 1 and result.field_name == "ChuKySo1"
    data = out.read_bytes()
    [(sig, status)] = _validate(data, pki.ca.cert)
    assert status.bottom_line and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert status.signer_reported_dt == moment
    text = _appearance_text(data)
    assert "Cơ quan: UBND xã An Bình (THỬ NGHIỆM)" in text
    assert "Người ký: Nguyễn Thị Văn Thư" in text
    assert f"Thời gian ký: {local:%Y-%m-%dT%H:%M:%S}+07:00" in text


def test_appearance_font_is_embedded_liberation_with_sane_widths(identity, pdf_file, tmp_path):
    out = tmp_path / "signed.pdf"
    sign_pdf(pdf_file, out, identity)
    [font] = _appearance_fonts(out.read_bytes())
    assert font["/Subtype"] == "/Type0" and "LiberationSerif" in font["/BaseFont"] and "/ToUnicode" in font
    descendant = font["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in descendant["/FontDescriptor"]
    widths = [w for item in descendant["/W"] if isinstance(item, list) for w in item]
    # Widths are in thousandths of an em: a 2048-unit font passed through unscaled would exceed this.
    assert widths and max(widths) <= 1100


def test_sign_pdf_explicit_page_box_and_second_signature(pki, identity, pdf_file, tmp_path):
    first = tmp_path / "1.pdf"
    second = tmp_path / "2.pdf"
    r1 = sign_pdf(pdf_file, first, identity, appearance=SignatureAppearance(page=0, box=(50, 60, 250, 140)))
    assert r1.page_index == 0 and r1.box == (50, 60, 250, 140)
    r2 = sign_pdf(first, second, identity)
    r3 = sign_pdf(second, second, identity)  # in place
    assert r2.page_index == 1 and r3.page_index == 1
    assert r3.box[1] >= r2.box[3], "a later default signature goes above the earlier one"
    results = _validate(second.read_bytes(), pki.ca.cert)
    assert [s.field_name for s, _ in results] == ["ChuKySo1", "ChuKySo2", "ChuKySo3"]
    assert all(status.bottom_line for _, status in results)


def test_sign_pdf_page_out_of_range(identity, pdf_file, tmp_path):
    with pytest.raises(UserError, match="chỉ có 2 trang"):
        sign_pdf(pdf_file, tmp_path / "x.pdf", identity, appearance=SignatureAppearance(page=5))
    assert not (tmp_path / "x.pdf").exists()


def test_sign_not_a_pdf(identity, tmp_path):
    with pytest.raises(UserError, match="không phải tài liệu PDF"):
        sign_pdf(b"hello", tmp_path / "x.pdf", identity)


def _png(size, colour) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([2, 2, size[0] - 3, size[1] - 3], outline=colour, width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_sign_pdf_with_signature_and_seal_images(pki, identity, pdf_file, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "img.pdf"
    appearance = SignatureAppearance(signature_image=_png((300, 120), (0, 0, 200, 255)),
                                     seal_image=_png((200, 200), (220, 0, 0, 255)))
    sign_pdf(pdf_file, out, identity, appearance=appearance)
    [(_, status)] = _validate(out.read_bytes(), pki.ca.cert)
    assert status.bottom_line
    annot = PdfReader(out).pages[-1]["/Annots"][0].get_object()
    images = []

    def walk(xobject):
        for value in xobject.get("/Resources", {}).get("/XObject", {}).values():
            value = value.get_object()
            if value["/Subtype"] == "/Image":
                images.append(value)
            else:
                walk(value)

    walk(annot["/AP"]["/N"].get_object())
    assert len(images) == 2 and all("/SMask" in i for i in images), "both images keep their transparency"


def _drawn_images(pdf: bytes) -> list[tuple[int, float, float, float, float]]:
    """The images of the signature's picture in the order drawn: (pixel width, x, y, width, height) in the
    picture's own frame (each is drawn as ``1 0 0 1 x y cm`` then ``w 0 0 h 0 0 cm /Name Do``)."""
    import re

    from pypdf import PdfReader

    annot = PdfReader(io.BytesIO(pdf)).pages[-1]["/Annots"][0].get_object()
    appearance = annot["/AP"]["/N"].get_object()
    images = {name[1:]: x.get_object() for name, x in appearance["/Resources"]["/XObject"].items()}
    drawn = re.findall(rb"1 0 0 1 (\S+) (\S+) cm q\s+(\S+) 0 0 (\S+) 0 0 cm /(\S+) Do", appearance.get_data())
    return [(images[name.decode()]["/Width"], float(x), float(y), float(w), float(h)) for x, y, w, h, name in drawn]


def test_seal_covers_left_third_of_signature(identity, pdf_file, tmp_path):
    from PIL import Image

    def png(size) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGBA", size).save(buffer, "PNG")
        return buffer.getvalue()

    out = tmp_path / "dau.pdf"
    sign_pdf(pdf_file, out, identity, appearance=SignatureAppearance(signature_image=png((400, 100)),
                                                                     seal_image=png((200, 200))))
    [(sig_pixels, sig_x, _, sig_w, sig_h), (seal_pixels, seal_x, seal_y, seal_w, seal_h)] = _drawn_images(
        out.read_bytes())
    assert (sig_pixels, seal_pixels) == (400, 200)
    assert seal_x == 0 and seal_y == 0 and seal_h > sig_h, "the seal, drawn last, takes the picture's whole height"
    assert seal_x + seal_w == pytest.approx(sig_x + sig_w / 3)


def test_sign_pdf_b_t_with_time_stamp(pki, identity, pdf_file, tmp_path, timestamper):
    out = tmp_path / "bt.pdf"
    result = sign_pdf(pdf_file, out, identity, timestamper=timestamper)
    assert result.level == "B-T"
    [(_, status)] = _validate(out.read_bytes(), pki.ca.cert)
    assert status.bottom_line and status.timestamp_validity is not None and status.timestamp_validity.trusted


def test_cli_sign_pdf_with_p12(pki, pdf_file, tmp_path, monkeypatch, capsys):
    from desktop.commands.main import main

    monkeypatch.setenv("THIDUA_PIN", pki.password)
    out = tmp_path / "cli.pdf"
    code = main(["package", "sign-pdf", str(pdf_file), str(out), "--p12", str(pki.signer_p12), "--page", "1",
                 "--box", "40,40,240,120"])
    assert code == 0 and "PAdES B-B" in capsys.readouterr().out
    [(_, status)] = _validate(out.read_bytes(), pki.ca.cert)
    assert status.bottom_line
    monkeypatch.setenv("THIDUA_PIN", "sai")
    assert main(["package", "sign-pdf", str(pdf_file), str(tmp_path / "no.pdf"), "--p12", str(pki.signer_p12)]) == 2
    assert "Mật khẩu" in capsys.readouterr().err


# ---------------------------------------------------------------------- PKCS#11 (SoftHSM2)


def test_list_tokens_and_keys(softhsm):
    [token] = keys.list_tokens(softhsm.module)
    assert token.label == softhsm.token and token.pin_status in (None, "đã nhập sai PIN, còn ít lần thử")
    [key] = keys.list_keys(softhsm.module, None, softhsm.pin)
    assert key.label == softhsm.key_label and key.key_id == "01" and key.can_sign
    assert key.subject == "Nguyễn Thị Văn Thư"


def test_sign_pdf_with_token(pki, softhsm, pdf_file, tmp_path):
    out = tmp_path / "token.pdf"
    with keys.load_pkcs11(softhsm.module, softhsm.pin) as identity:  # token and key chosen automatically
        assert identity.name == "Nguyễn Thị Văn Thư" and identity.chain
        sign_pdf(pdf_file, out, identity)
    [(_, status)] = _validate(out.read_bytes(), pki.ca.cert)
    assert status.bottom_line
    with keys.load_pkcs11(softhsm.module, softhsm.pin, token=softhsm.token, key=softhsm.key_label) as identity:
        assert identity.certificate.dump() == certs.to_asn1(pki.signer.cert).dump()


def test_token_wrong_pin(softhsm):
    with pytest.raises(UserError, match="Mã PIN không đúng") as info:
        keys.load_pkcs11(softhsm.module, "000000")
    assert "000000" not in str(info.value)
    # SoftHSM2 raises the "count low" flag after a failure: the message says tries are running out.
    assert "lần thử" in str(info.value) or "Hãy nhập lại" in str(info.value)


def test_token_and_key_not_found(softhsm):
    with pytest.raises(UserError, match="Không tìm thấy thiết bị ký có nhãn “Khác”"):
        keys.load_pkcs11(softhsm.module, softhsm.pin, token="Khác")
    with pytest.raises(UserError, match="Không tìm thấy khóa ký “khong-co”.*ky-so-don-vi"):
        keys.load_pkcs11(softhsm.module, softhsm.pin, key="khong-co")


def test_module_not_loadable(tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy thư viện PKCS#11"):
        keys.list_tokens(tmp_path / "khong-co.so")
    fake = tmp_path / "gia.so"
    fake.write_bytes(b"not a library")
    with pytest.raises(UserError, match="Không nạp được thư viện PKCS#11"):
        keys.load_pkcs11(fake, "1234")


# ---------------------------------------------------------------------- token logic without hardware


class _FakeSession:
    """A logged-in session over a fake token's objects (each a dict keyed by ``pkcs11.Attribute``)."""

    def __init__(self, objects):
        self.objects = objects

    def get_objects(self, template):
        import pkcs11

        return [o for o in self.objects if o[pkcs11.Attribute.CLASS] == template[pkcs11.Attribute.CLASS]]

    def close(self):
        pass


class _FakeToken:
    """A token holding ``objects``; with ``pin_ok=False`` it refuses every PIN as PKCS#11 does."""

    def __init__(self, label, flags, serial=b"1", objects=(), pin_ok=False):
        self.label = label
        self.flags = flags
        self.serial = serial
        self.objects = list(objects)
        self.pin_ok = pin_ok
        self.opened_with = None

    def open(self, **kwargs):
        import pkcs11

        self.opened_with = kwargs
        if not self.pin_ok:
            raise pkcs11.PinIncorrect()
        return _FakeSession(self.objects)


class _FakeLib:
    def __init__(self, *tokens):
        self.tokens = tokens

    def get_slots(self):
        return [SimpleNamespace(get_token=lambda t=t: t) for t in self.tokens]


@pytest.fixture
def driver(tmp_path, monkeypatch):
    """``driver(*tokens)``: a PKCS#11 driver file whose library sees ``tokens``, for the public loaders."""
    import pkcs11

    path = tmp_path / "driver.so"
    path.write_bytes(b"")

    def plug(*tokens):
        lib = _FakeLib(*tokens)
        monkeypatch.setattr(pkcs11, "lib", lambda module: lib)
        return path

    return plug


def _flags(*names):
    import pkcs11

    value = pkcs11.TokenFlag.TOKEN_INITIALIZED | pkcs11.TokenFlag.LOGIN_REQUIRED
    for name in names:
        value |= getattr(pkcs11.TokenFlag, name)
    return value


def _key_pair(label, key_id, cert):
    """A private key and its certificate on a token, paired by ID."""
    import pkcs11

    a, cls = pkcs11.Attribute, pkcs11.ObjectClass
    return [{a.CLASS: cls.PRIVATE_KEY, a.LABEL: label, a.ID: key_id},
            {a.CLASS: cls.CERTIFICATE, a.LABEL: label, a.ID: key_id, a.VALUE: certs.to_asn1(cert).dump()}]


def test_wrong_pin_final_try_and_locked_messages(driver):
    final = _FakeToken("A", _flags("USER_PIN_FINAL_TRY"))
    with pytest.raises(UserError, match="Chỉ còn MỘT lần thử"):
        keys.load_pkcs11(driver(final), "1111")
    locked = _FakeToken("B", _flags("USER_PIN_LOCKED"))
    with pytest.raises(UserError, match="đã bị khóa"):
        keys.load_pkcs11(driver(locked), "1111")
    assert locked.opened_with is None, "a locked token is not even tried"
    plain = _FakeToken("C", _flags())
    with pytest.raises(UserError, match="Mã PIN không đúng. Hãy nhập lại"):
        keys.load_pkcs11(driver(plain), "1111")
    assert plain.opened_with == {"user_pin": "1111"}


def test_token_selection_rules(driver, pki):
    key = _key_pair("ky", b"\x01", pki.signer.cert)
    a, b = (_FakeToken(label, _flags(), objects=key, pin_ok=True) for label in ("A", "B"))
    uninitialised = _FakeToken("", 0)
    with keys.load_pkcs11(driver(a, uninitialised), "1111") as identity:
        assert identity.source == "thiết bị ký “A”"
    with pytest.raises(UserError, match="nhiều thiết bị ký"):
        keys.load_pkcs11(driver(a, b), "1111")
    with keys.load_pkcs11(driver(a, b), "1111", token="B") as identity:
        assert identity.source == "thiết bị ký “B”"
    with pytest.raises(UserError, match="Không tìm thấy thiết bị ký"):
        keys.load_pkcs11(driver(uninitialised), "1111")


def test_key_choice_prefers_the_one_signing_certificate(driver, pki):
    def token(*objects):
        return driver(_FakeToken("T", _flags(), objects=[o for pair in objects for o in pair], pin_ok=True))

    signing = _key_pair("ky", b"\x01", pki.signer.cert)
    encrypting_cert = demo_pki.issue_certificate(pki.ca, "Mã hóa", key_usage=("key_encipherment",)).cert
    encrypting = _key_pair("ma-hoa", b"\x02", encrypting_cert)
    with keys.load_pkcs11(token(encrypting, signing), "1111") as identity:
        assert identity.certificate.dump() == certs.to_asn1(pki.signer.cert).dump()
    second = _key_pair("ky-2", b"\x03", pki.other_signer.cert)
    with pytest.raises(UserError, match="nhiều chứng thư số dùng để ký"):
        keys.load_pkcs11(token(signing, second), "1111")
    with keys.load_pkcs11(token(signing, second), "1111", key="03") as identity:
        assert identity.certificate.dump() == certs.to_asn1(pki.other_signer.cert).dump()
    with pytest.raises(UserError, match="không có khóa bí mật"):
        keys.load_pkcs11(token(), "1111")
