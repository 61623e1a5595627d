#!/usr/bin/env python3
"""Set up a private virtual environment, then run the guard or its test suite.

    python3 scripts/bootstrap.py run     # set up and start LinkedIn Guard
    python3 scripts/bootstrap.py test    # set up and run the whole test suite
    python3 scripts/bootstrap.py lock    # refresh requirements/*.txt (pinned, with hashes)

Needs only Python 3.11+ and the package registries. The environment lives in
``.venv/`` next to this repository and is refreshed when ``pyproject.toml``
or a lock file changes. Dependencies come from ``requirements/*lock.txt``
with ``--require-hashes`` (exact versions, every file's hash checked), then
the project itself with ``--no-deps``. Extra arguments after ``run``/``test``
go to ``linkedin-guard start`` / ``pytest``.

After ``run``, ``linkedin-guard`` is put on PATH when that can be done
without surprises: a symbolic link in ``~/.local/bin`` when that folder is
already on PATH and holds no other ``linkedin-guard``. It says what it did;
otherwise it prints the full command to use.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
#: extras -> the lock that pins them (and the runtime dependencies), hashes included.
LOCKS = {"": "lock.txt", "demo": "demo-lock.txt", "test": "test-lock.txt"}
#: The lock refresher, pinned like everything else.
PIP_TOOLS = "pip-tools==7.6.2"
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(text: str) -> None:
    print(f"[bootstrap] {text}", file=sys.stderr, flush=True)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the package with ``extras``; skip when nothing changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"LinkedIn Guard needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    stamp = VENV / f".installed-{extras or 'base'}"
    lock = REQUIREMENTS / LOCKS[extras]
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + lock.read_bytes()).hexdigest()
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say(f"installing the pinned {extras or 'runtime'} dependencies from {lock.relative_to(ROOT)} (hashes checked)")
    subprocess.run(install_commands(extras)[0], check=True)
    say("installing linkedin-guard itself (editable, no further dependencies)")
    subprocess.run(install_commands(extras)[1], check=True)
    stamp.write_text(digest)


def install_commands(extras: str) -> list[list[str]]:
    """The two pip calls: every dependency exactly as locked, then the project with --no-deps."""
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    return [pip + ["--require-hashes", "-r", str(REQUIREMENTS / LOCKS[extras])],
            pip + ["--no-deps", "--editable", target]]


def lock(args: list[str]) -> int:
    """Refresh requirements/*lock.txt from pyproject.toml with pip-compile (pinned), hashes included."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="linkedin-guard-lock-") as tmp:
        tools = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(tools)
        bin_dir = tools / ("Scripts" if os.name == "nt" else "bin")
        subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", PIP_TOOLS], check=True)
        for extras, name in LOCKS.items():
            say(f"resolving {name}")
            subprocess.run(pip_compile_command(bin_dir / "pip-compile", extras, name, args), check=True, cwd=ROOT)
    return 0


def pip_compile_command(pip_compile: Path, extras: str, name: str, args: list[str]) -> list[str]:
    """One lock file's pip-compile call, run in ROOT.

    Its paths are relative to ROOT: pip-compile writes them as given into the
    file's header (the command) and its ``# via`` lines, so absolute ones
    would put this checkout's location into the committed files.
    """
    extra_args = [a for e in extras.split(",") if e for a in ("--extra", e)]
    if extras == "test":
        extra_args += ["--extra", "demo"]
    output = (REQUIREMENTS / name).relative_to(ROOT).as_posix()
    source = (ROOT / "pyproject.toml").relative_to(ROOT).as_posix()
    return [str(pip_compile), "--quiet", "--generate-hashes", "--strip-extras",
            "--allow-unsafe", "--no-emit-index-url", "--no-emit-find-links", "--no-emit-trusted-host",
            *extra_args, *args, "--output-file", output, source]


def put_on_path(home: Path | None = None, environ: dict[str, str] | None = None) -> str:
    """Make ``linkedin-guard`` a command, if that surprises nobody; the sentence saying what happened."""
    home = home or Path.home()
    environ = dict(os.environ) if environ is None else environ
    script = BIN / ("linkedin-guard.exe" if os.name == "nt" else "linkedin-guard")
    full = f'"{script}"' if " " in str(script) else str(script)
    folders = [Path(p).expanduser() for p in environ.get("PATH", "").split(os.pathsep) if p]
    local_bin = home / ".local" / "bin"
    found = shutil.which("linkedin-guard", path=environ.get("PATH", ""))
    if found and Path(found).resolve() == script.resolve():
        return f"`linkedin-guard` is on your PATH ({found})"
    if os.name == "nt" or local_bin not in folders:
        return (f"`linkedin-guard` is not on your PATH (~/.local/bin is not in PATH); use the full command: {full}  "
                f"(or add {BIN} to PATH)")
    link = local_bin / "linkedin-guard"
    if found or link.exists() or link.is_symlink():
        return f"`linkedin-guard` on your PATH is another program ({found or link}); left alone. Use: {full}"
    link.symlink_to(script)
    return f"made `linkedin-guard` a command: linked {link} -> {script} (remove that link to undo)"


def ensure_node_packages() -> None:
    """The extension's lint and extractor tests use npm packages (eslint, web-ext, jsdom)."""
    if not (ROOT / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        say("npm not found: the extension lint/extractor tests will skip (CI installs Node.js)")
        return
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed"
    digest = hashlib.sha256((lock if lock.exists() else ROOT / "package.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing the extension's test tools from the npm registry")
    cmd = [npm, "ci" if lock.exists() else "install", "--no-audit", "--no-fund", "--silent"]
    subprocess.run(cmd, cwd=ROOT, check=True)
    stamp.write_text(digest)


def run(args: list[str]) -> int:
    ensure_venv("demo")
    say(put_on_path())
    return subprocess.call([str(BIN / "linkedin-guard"), "start", *args])


#: Each test run's temporary files: a private folder of its own (``tempfile.mkdtemp``) per run.
RUN_TEMP_PREFIX = "linkedin-guard-tests-"
#: Finished runs whose folder is kept (they failed), the newest first; older ones are removed.
KEEP_FAILED_RUNS = 3
#: Written into a run's folder when the run is over: only such folders are ever removed by another run.
FINISHED = ".finished"


def own_basetemp(args: list[str]) -> Path | None:
    """This run's ``--basetemp``, in a new private folder; None when the caller gave one.

    Without it every pytest run of this user shares ``/tmp/pytest-of-USER``,
    whose numbered folders each run prunes to the newest three when it ends:
    runs at once (two checkouts, a benchmark beside the suite) remove the
    folders another run keeps for inspection. pytest empties a given basetemp
    when it starts; here it is always new, inside a folder only this run uses.
    """
    if any(a == "--basetemp" or a.startswith("--basetemp=") for a in args):
        return None
    return Path(tempfile.mkdtemp(prefix=RUN_TEMP_PREFIX)) / "basetemp"


def finish_run_temp(basetemp: Path, code: int) -> None:
    """After a run: its folder goes when it passed; a failed run's stays (and says where), as the
    newest few failed runs' do. A folder without the finished mark is a run still going (or
    killed): never removed here."""
    run_dir = basetemp.parent
    if code == 0:
        shutil.rmtree(run_dir, ignore_errors=True)
    else:
        (run_dir / FINISHED).touch()
        say(f"this run's temporary files are kept in {basetemp}")
    finished = sorted((at, d) for d in run_dir.parent.glob(RUN_TEMP_PREFIX + "*")
                      if (at := _finished_at(d)) is not None)
    for _at, old in finished[:-KEEP_FAILED_RUNS]:
        shutil.rmtree(old, ignore_errors=True)


def _finished_at(run_dir: Path) -> float | None:
    """When a run marked its folder finished; None for a run still going, or another user's folder."""
    try:
        if hasattr(os, "getuid") and run_dir.lstat().st_uid != os.getuid():
            return None
        return (run_dir / FINISHED).stat().st_mtime
    except OSError:
        return None


def test(args: list[str]) -> int:
    ensure_venv("test")
    ensure_node_packages()
    basetemp = own_basetemp(args)
    extra = [f"--basetemp={basetemp}"] if basetemp else []
    code = 1
    try:
        code = subprocess.call([str(PYTHON), "-m", "pytest", *extra, *args], cwd=ROOT)
    finally:
        if basetemp:
            finish_run_temp(basetemp, code)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def main() -> int:
    commands = {"run": run, "test": test, "lock": lock}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
