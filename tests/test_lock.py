"""The lock files in requirements/ still satisfy pyproject.toml: a dependency added or a range
changed without `make lock` would otherwise go unnoticed until an installer lacks it."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# (lock file, extras it holds, the platform's environment markers)
LOCKS = [
    ("linux.txt", (), {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}),
    ("linux-dev.txt", ("test", "dist"), {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}),
    ("windows.txt", (), {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}),
    ("windows-dev.txt", ("test", "dist"), {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}),
]


def pins(text: str) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", text, re.M)}


@pytest.mark.parametrize("name,extras,env", LOCKS, ids=[lock[0] for lock in LOCKS])
def test_lock_file_covers_pyproject(name, extras, env):
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    pinned = pins(text)
    wanted = list(PROJECT["dependencies"])
    for extra in extras:
        wanted += PROJECT["optional-dependencies"][extra]
    env = {"python_version": "3.11", "python_full_version": "3.11.0", "platform_machine": "x86_64", **env}
    for line in wanted:
        req = Requirement(line)
        if req.marker and not req.marker.evaluate(env):
            continue
        key = canonicalize_name(req.name)
        assert key in pinned, f"{req.name} is not in requirements/{name}: run `make lock`"
        assert req.specifier.contains(pinned[key], prereleases=True), (
            f"requirements/{name} pins {req.name}=={pinned[key]}, outside {req.specifier}: run `make lock`")
    # Every pin carries hashes, so `pip install --require-hashes` accepts the file.
    for block in re.split(r"\n(?=[A-Za-z0-9._-]+==)", text.split("\n", 2)[2]):
        if "==" in block.split("\n", 1)[0]:
            assert "--hash=sha256:" in block, block.split("\n", 1)[0]


def test_the_shipped_and_the_dev_locks_agree():
    """The installers ship the versions the tests ran with."""
    for platform in ("linux", "windows"):
        shipped = pins((ROOT / "requirements" / f"{platform}.txt").read_text(encoding="utf-8"))
        dev = pins((ROOT / "requirements" / f"{platform}-dev.txt").read_text(encoding="utf-8"))
        assert {k: dev.get(k) for k in shipped} == shipped
