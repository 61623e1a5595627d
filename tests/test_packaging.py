"""One package: a real wheel and sdist, installed away from the checkout, work as a person uses them.

The wheel is built from this checkout (``python -m build``, build isolation:
setuptools comes from the package registry), installed with ``--no-deps`` into
a fresh venv in another folder, with a fresh HOME. Its dependencies are the
ones already installed in the test environment, offered through a folder of
links (everything in site-packages except this project itself), so nothing
but the registry is contacted and nothing of the checkout leaks in.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import guard

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
OWN = ("guard", "native_host", "linkedin_guard", "__editable__", "_linkedin_guard", "__pycache__", "pip", "setuptools",
       "_distutils_hack", "distutils-precedence.pth")


# -- one source of truth for the version ---------------------------------------------


def test_the_extension_npm_and_python_versions_are_one():
    manifest = json.loads((ROOT / "extension/manifest.json").read_text())
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    from importlib.metadata import version

    assert manifest["version"] == guard.__version__, "extension/manifest.json version differs from guard.__version__"
    assert package["version"] == guard.__version__, "package.json version differs from guard.__version__"
    assert lock["version"] == guard.__version__ and lock["packages"][""]["version"] == guard.__version__
    assert version("linkedin-guard") == guard.__version__, "reinstall: pip install -e . (metadata is stale)"
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text()


# -- a real wheel and sdist ------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("src") / "linkedin-guard"
    # Build from a clean copy of the tracked files: what a fresh clone holds.
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        rel = Path(name.decode())
        if not (ROOT / rel).is_file():
            continue
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, source / rel)
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(source)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


def extension_files() -> set[str]:
    files = subprocess.run(["git", "ls-files", "extension"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {f.removeprefix("extension/") for f in files.split()}


def test_the_wheel_carries_the_whole_extension(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    inside = {n.removeprefix("guard/extension/") for n in names if n.startswith("guard/extension/")}
    assert inside == extension_files()
    assert f"linkedin_guard-{guard.__version__}.dist-info/entry_points.txt" in names
    entry_points = zipfile.ZipFile(built["wheel"]).read(f"linkedin_guard-{guard.__version__}.dist-info/entry_points.txt")
    assert b"linkedin-guard-host = native_host.host:entry" in entry_points
    assert not any(n.startswith(("tests/", "extension/")) for n in names)


def test_the_sdist_carries_the_extension_and_the_locks(built):
    with tarfile.open(built["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"extension/" + f for f in extension_files()} <= names
    assert {"setup.py", "requirements/lock.txt"} <= names


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> dict:
    """The wheel in a fresh venv, in a folder far from the checkout, with a fresh HOME."""
    base = tmp_path_factory.mktemp("elsewhere")
    deps = base / "deps"
    deps.mkdir()
    site = Path(sysconfig.get_paths()["purelib"])
    for entry in site.iterdir():
        if not entry.name.startswith(OWN) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    new_site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
    (new_site / "already-installed-deps.pth").write_text(str(deps) + "\n")
    done = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(built["wheel"])],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    home = base / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "LINKEDIN_GUARD", "PYTHON", "VIRTUAL_ENV"))}
    env |= {"HOME": str(home), "PATH": f"{env_dir / 'bin'}:/usr/bin:/bin"}
    work = base / "work"
    work.mkdir()
    return {"bin": env_dir / "bin", "python": python, "home": home, "env": env, "cwd": work, "site": new_site}


def run(installed, *args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed["bin"] / "linkedin-guard"), *args], capture_output=True, text=True,
                          env=installed["env"], cwd=installed["cwd"], timeout=timeout)


def test_the_installed_package_runs_from_its_own_files(installed):
    out = subprocess.run([installed["python"], "-c", "import guard, native_host; print(guard.__file__, native_host.__file__)"],
                         capture_output=True, text=True, env=installed["env"], cwd=installed["cwd"])
    assert str(ROOT) not in out.stdout and str(installed["site"]) in out.stdout


def test_version_install_doctor_from_the_wheel(installed):
    version = run(installed, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"linkedin-guard {guard.__version__}"

    done = run(installed, "install", "--browser", "chromium")
    assert done.returncode == 0, done.stderr
    folder = installed["site"] / "guard" / "extension"
    assert f"Load {folder} as an unpacked extension" in done.stdout
    manifest = json.loads((installed["home"] / ".config/chromium/NativeMessagingHosts/com.linkedin_guard.host.json").read_text())
    assert manifest["allowed_origins"][0].startswith("chrome-extension://gphpeapcgdpbiaihmcfbepcfkoccooab/")
    launcher = Path(manifest["path"])
    assert launcher.is_relative_to(installed["home"])
    assert str(installed["python"]) in launcher.read_text() and "PYTHONPATH" not in launcher.read_text()

    doctor = run(installed, "doctor", "--browser", "chromium")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "hello answered" in doctor.stdout


def test_ui_from_the_wheel_prints_its_link(installed):
    proc = subprocess.Popen([str(installed["bin"] / "linkedin-guard"), "ui", "--no-open", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=installed["env"],
                            cwd=installed["cwd"])
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("http://127.0.0.1:") and "?token=" in line
        import urllib.request

        port = line.split(":")[2].split("/")[0]
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ping",
                                         headers={"Authorization": "Bearer " + line.split("token=")[1]})
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert json.loads(reply.read())["version"] == guard.__version__
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
def test_demo_from_the_wheel_sees_warnings(installed):
    done = run(installed, "demo", "--headless", "--screenshot", str(installed["cwd"] / "demo.png"), timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "LG201" in done.stdout and "The demo ran headless" in done.stdout
