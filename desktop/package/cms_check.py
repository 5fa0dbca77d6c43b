"""Accepting a plain detached CMS signature without loading pyHanko's signers.

``pyhanko.sign.validation`` imports ``pyhanko.sign``, whose ``__init__`` loads
the PDF signers and, through the time-stamp client, aiohttp: about a second
before anything is checked. A package this app signed carries the simplest
CAdES signature (signed attributes content-type, signing-time, message-digest
and signing-certificate-v2; RSA or ECDSA over SHA-2; no time-stamp), and
:func:`accept_detached` judges such a signature from the same building blocks
pyHanko's CMS validator uses: pyhanko-certvalidator's signature validator,
algorithm policy, path builder and path validation, with the same validation
context and key usages.

It only ever *accepts*. When anything is unusual or fails (the content's
digest, the signature, an attribute or algorithm not listed here, a
time-stamp, a certificate that more than one carried certificate could be
taken for, a chain that does not validate, a key usage that does not fit) it
returns ``None`` and the caller runs pyHanko's full validator, which gives the
verdict and the message it always gave. What it accepts is thus a subset of
what pyHanko accepts, and a failure reads exactly as before.
"""
from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from asn1crypto import cms, tsp, x509

__all__ = ["AcceptedSignature", "accept_detached", "signing_time"]

CONTENT_TYPE = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
SIGNING_TIME = "1.2.840.113549.1.9.5"
SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47"
_ATTRIBUTES = {CONTENT_TYPE, MESSAGE_DIGEST, SIGNING_TIME, SIGNING_CERTIFICATE_V2}

# Signature algorithm -> the only digest algorithm accepted with it (RFC 8933: the same one).
_SIGNATURE_DIGESTS = {
    f"{digest}_{kind}": digest for digest in ("sha256", "sha384", "sha512") for kind in ("rsa", "ecdsa")
}


@dataclass(frozen=True)
class AcceptedSignature:
    """A signature that passed every check, read by the same attribute names as pyHanko's status."""

    signing_cert: x509.Certificate
    validation_path: Any
    intact = True
    valid = True
    trusted = True
    revoked = False
    trust_problem_indic = None
    timestamp_validity = None


def signing_time(signer_info: cms.SignerInfo) -> datetime | None:
    """The signer's own ``signing-time`` when the signed attributes hold exactly one (as pyHanko reads it)."""
    values = _values(signer_info["signed_attrs"], SIGNING_TIME)
    return values[0].native if len(values) == 1 else None


def accept_detached(
    content: bytes, signed_data: cms.SignedData, context: Any, key_usages: set[str]
) -> AcceptedSignature | None:
    """The accepted signature over ``content``, or ``None`` when pyHanko's full validator must judge it.

    ``context`` is the pyhanko-certvalidator ``ValidationContext`` the full
    validator would get; the signer's certificate must carry at least one of
    ``key_usages``.
    """
    try:
        return asyncio.run(_accept(content, signed_data, context, key_usages))
    except Exception:  # noqa: BLE001 - anything unexpected is left to the full validator
        return None


async def _accept(content: bytes, signed_data: cms.SignedData, context: Any, key_usages: set[str]):
    from pyhanko_certvalidator import find_valid_path
    from pyhanko_certvalidator.sig_validate import SignatureValidationContext

    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        return None
    signer_info = signer_infos[0]
    attrs = signer_info["signed_attrs"]
    if signer_info["unsigned_attrs"] or not attrs:
        return None
    types = [attr["type"].dotted for attr in attrs]
    if len(set(types)) != len(types) or not set(types) <= _ATTRIBUTES:
        return None
    if any(len(attr["values"]) != 1 for attr in attrs) or not {CONTENT_TYPE, MESSAGE_DIGEST} <= set(types):
        return None
    content_type = signed_data["encap_content_info"]["content_type"]
    if _values(attrs, CONTENT_TYPE)[0].dotted != content_type.dotted or content_type.native != "data":
        return None
    cert, others = _signer_certificate(signed_data, signer_info["sid"])
    if cert is None:
        return None

    digest_algorithm = signer_info["digest_algorithm"]
    signature_algorithm = signer_info["signature_algorithm"]
    md = digest_algorithm["algorithm"].native
    if _SIGNATURE_DIGESTS.get(signature_algorithm["algorithm"].native) != md:
        return None
    moment = context.best_signature_time
    policy = context.algorithm_policy
    if not policy.digest_algorithm_allowed(digest_algorithm, moment):
        return None
    if not policy.signature_algorithm_allowed(signature_algorithm, moment, cert.public_key):
        return None
    if hashlib.new(md, content).digest() != _values(attrs, MESSAGE_DIGEST)[0].native:
        return None
    if SIGNING_CERTIFICATE_V2 in types and not _names_certificate(_values(attrs, SIGNING_CERTIFICATE_V2)[0], cert):
        return None
    # The signed attributes are signed as a SET OF, not with their [0] tag (RFC 5652, 5.4).
    context.sig_validator.validate_signature(
        signer_info["signature"].native,
        attrs.untag().dump(),
        cert.public_key,
        signature_algorithm,
        context=SignatureValidationContext(contextual_md_algorithm=md, prehashed=False),
    )  # raises InvalidSignature

    context.certificate_registry.register_multiple(others)
    path = await find_valid_path(cert, context.path_builder.async_build_paths_lazy(cert), context)
    if path.pkix_len == 0:
        return None  # the signer's certificate is itself a trust anchor: pyHanko has its own rules for that
    usages = cert.key_usage_value
    if usages is None or not set(usages.native) & key_usages:
        return None
    return AcceptedSignature(signing_cert=cert, validation_path=path)


def _values(attrs: cms.CMSAttributes, oid: str) -> list[Any]:
    """The values of every attribute of type ``oid`` (pyHanko's lookup, by dotted OID so registrations do not matter)."""
    if not attrs:
        return []
    return [value for attr in attrs if attr["type"].dotted == oid for value in attr["values"]]


def _signer_certificate(
    signed_data: cms.SignedData, sid: cms.SignerIdentifier
) -> tuple[x509.Certificate | None, list[x509.Certificate]]:
    """The one carried certificate the identifier names byte for byte, and the others.

    ``None`` when a different carried certificate has the same serial number
    (or key identifier): pyHanko matches names loosely and could take that one.
    The same certificate carried twice is one certificate.
    """
    choices = list(signed_data["certificates"] or ())
    if any(choice.name != "certificate" for choice in choices):
        return None, []
    certs = [choice.chosen for choice in choices]
    by_serial = sid.name == "issuer_and_serial_number"
    if by_serial:
        same = [c for c in certs if c.serial_number == sid.chosen["serial_number"].native]
    else:
        same = [c for c in certs if c.key_identifier == sid.chosen.native]
    if len({c.dump() for c in same}) != 1:
        return None, []
    cert = same[-1]  # pyHanko takes the last match; the others, copies included, only help build the path
    if by_serial and cert.issuer.dump() != sid.chosen["issuer"].dump():
        return None, []
    return cert, [c for c in certs if c is not cert]


def _names_certificate(value: Any, cert: x509.Certificate) -> bool:
    """The signing-certificate-v2 attribute's first entry is this certificate (its hash, and its issuer and serial if given)."""
    cert_id = tsp.SigningCertificateV2.load(value.dump())["certs"][0]
    algorithm = cert_id["hash_algorithm"]["algorithm"].native
    if algorithm not in ("sha256", "sha384", "sha512"):
        return False
    if hashlib.new(algorithm, cert.dump()).digest() != cert_id["cert_hash"].native:
        return False
    issuer_serial = cert_id["issuer_serial"]
    if not issuer_serial:
        return True
    names = issuer_serial["issuer"]
    return (
        len(names) == 1
        and names[0].name == "directory_name"
        and names[0].chosen.untag().dump() == cert.issuer.dump()
        and issuer_serial["serial_number"].native == cert.serial_number
    )
