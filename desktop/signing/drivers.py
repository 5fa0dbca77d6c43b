"""The PKCS#11 drivers of the signing tokens Vietnamese units use, and which of them this machine has.

A token (USB key) signs through its vendor's PKCS#11 library: on Windows a DLL that the
vendor's installer ("driver", "Token Manager") copies into ``C:\\Windows\\System32``, more
rarely into a folder under Program Files. The send page offers the ones present, most
likely first; the clerk can still pick any driver file by hand.

Where the names come from. No CA publishes a list, so the names below are the ones that
independent public programs integrating these tokens look for, seen in their source:

* the driver lists handed to VNPT-CA's and Viettel-CA's own web-signing plugins by the
  sites using them (VNPT: ``vnpt-ca_csp11.dll, vnptca_p11_v8.dll, vnptca_p11_v6.dll, …,
  VNPT-CA_v34.dll``; Viettel: ``LibList_WIN = "viettel-ca_v6.dll;viettel-ca_v5.dll;
  viettel-ca_v4.dll;viettel-ca_v2.dll"``), and the BkavCA signer plugin's ``SetDLLName``
  example (``BkavCA.dll``);
* the candidate lists of several open-source Windows signing tools for Vietnamese CAs
  (System32 names for VNPT, Viettel, FPT, BKAV, MISA, Nacencomm and others, and
  ``Bkav Corporation\\BkavCA Token Manager\\st3csp11.dll`` under Program Files). Most of
  these tokens are Feitian/SecureMetric rebrands whose installers put the PKCS#11 module
  ``X.dll`` next to a CSP ``X_s.dll``;
* for the Ban Cơ yếu Chính phủ (VGCA) tokens, a public Vietnamese plugin's notes that its
  tokens use the Bit4id middleware, whose PKCS#11 module is ``bit4xpki.dll`` in System32
  (the name Bit4id's middleware uses in every country's tools that load it).

Names marked ``uncertain=True`` were seen in a single source only. A name on this list is
only a hint: nothing is loaded until the clerk lists the tokens, and python-pkcs11 then
says plainly if the file is not a PKCS#11 library. Only 64-bit drivers can be loaded by the
64-bit app, which is why ``SysWOW64`` (32-bit DLLs on 64-bit Windows) is never searched.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

__all__ = ["Driver", "WINDOWS_DRIVERS", "LINUX_DRIVERS", "MAC_DRIVERS", "known_paths", "installed_drivers", "vendor_of"]


@dataclass(frozen=True)
class Driver:
    vendor: str
    names: tuple[str, ...] = ()                 # file names in %SystemRoot%\System32
    program_files: tuple[str, ...] = ()         # paths under %ProgramFiles%
    uncertain: bool = False                     # seen in one public source only


WINDOWS_DRIVERS: tuple[Driver, ...] = (
    Driver("VNPT-CA", ("vnptca_p11_v10.dll", "vnptca_p11_v8.dll", "vnptca_p11_v7.dll", "vnptca_p11_v6.dll",
                       "vnptca_p11_v5.dll", "vnpt-ca_csp11.dll", "VNPT-CA_v34.dll", "vnpt-ca_v4.dll",
                       "vnpt-ca_cl_v1.dll")),
    Driver("Viettel-CA", ("viettel-ca_v6.dll", "viettel-ca_v5.dll", "viettel-ca_v4.dll", "viettel-ca_v3.dll",
                          "viettel-ca_v2.dll", "viettel-ca_v1.dll", "viettel-ca.dll")),
    Driver("BKAV-CA", ("BkavCA.dll", "BkavCAv2S.dll", "st3csp11.dll"),
           (r"Bkav Corporation\BkavCA Token Manager\st3csp11.dll",)),
    Driver("FPT-CA", ("fpt-ca_v5.dll", "fpt-ca_v4.dll", "fpt-ca.dll", "fpt-ca-stx.dll")),
    Driver("MISA-CA", ("misaca_csp11_v2.dll",), uncertain=True),
    # Chứng thư số chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ): Bit4id tokens.
    Driver("VGCA (Ban Cơ yếu Chính phủ)", ("bit4xpki.dll",), (r"BIT4ID\bit4xpki.dll",), uncertain=True),
    Driver("Nacencomm CA2", ("CA2_csp11.dll", "CA2_v34.dll", "ncca_csp11_v1.dll", "ShuttleCsp11_3003.dll")),
    Driver("SafeNet eToken", ("eTPKCS11.dll",)),
    Driver("Feitian ePass2003", ("eps2003csp11.dll", "eps2003csp11v2.dll")),
    # The OpenSC and SoftHSM2 Windows installers' default folders.
    Driver("OpenSC", (), (r"OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",)),
    Driver("SoftHSM2", (), (r"SoftHSM2\lib\softhsm2-x64.dll",)),
)

MAC_DRIVERS: tuple[tuple[str, str], ...] = (
    ("SafeNet eToken", "/usr/local/lib/libeTPkcs11.dylib"),
    ("Feitian ePass2003", "/usr/local/lib/libeps2003csp11.dylib"),
    ("Viettel-CA", "/usr/local/lib/viettel-ca_v6.dylib"),
    ("OpenSC", "/Library/OpenSC/lib/opensc-pkcs11.so"),
    ("SoftHSM2", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/opt/homebrew/lib/softhsm/libsofthsm2.so"),
)

LINUX_DRIVERS: tuple[tuple[str, str], ...] = (
    ("SoftHSM2", "/usr/lib/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ("SafeNet eToken", "/usr/lib/libeToken.so"),
    ("Feitian ePass2003", "/usr/lib/libeps2003csp11.so"),
    ("Bit4id (VGCA)", "/usr/lib/bit4id/libbit4xpki.so"),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
)


def _windows_paths(env) -> list[tuple[str, str]]:
    # Path, not PureWindowsPath: on Windows it is a WindowsPath; elsewhere (the tests, faking
    # the platform with folders under a temporary directory) the files can really be looked at.
    system_root = env.get("SystemRoot") or env.get("WINDIR") or r"C:\Windows"
    system32 = Path(system_root) / "System32"
    program_files = [env.get(name) for name in ("ProgramW6432", "ProgramFiles")]
    program_files = list(dict.fromkeys(p for p in program_files if p)) or [r"C:\Program Files"]
    out: list[tuple[str, str]] = []
    for driver in WINDOWS_DRIVERS:
        out += [(driver.vendor, str(system32 / name)) for name in driver.names]
        for base in program_files:
            out += [(driver.vendor, str(Path(base).joinpath(*PureWindowsPath(rel).parts)))
                    for rel in driver.program_files]
    return out


def known_paths(platform: str | None = None, env=None) -> list[tuple[str, str]]:
    """(vendor, path) of every driver this platform may have, most likely first."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    if platform == "win32":
        return _windows_paths(env)
    if platform == "darwin":
        return list(MAC_DRIVERS)
    return list(LINUX_DRIVERS)


def installed_drivers(platform: str | None = None, env=None, exists=None) -> list[str]:
    """The known driver files present on this machine, most likely first, each once."""
    exists = exists or (lambda p: Path(p).is_file())
    seen: set[str] = set()
    found = []
    for _vendor, path in known_paths(platform, env):
        key = path.lower() if (platform or sys.platform) == "win32" else path
        if key not in seen and exists(path):
            seen.add(key)
            found.append(path)
    return found


def vendor_of(path: str, platform: str | None = None, env=None) -> str | None:
    """Whose driver this file is, by its name (for the key chooser's tooltip)."""
    windows = (platform or sys.platform) == "win32"
    name = PureWindowsPath(path).name.lower() if windows else Path(path).name
    for vendor, known in known_paths(platform, env):
        if (PureWindowsPath(known).name.lower() if windows else Path(known).name) == name:
            return vendor
    return None
