"""What the benchmark scripts share: the database, thistle's sign-in, running commands.

scripts/bench and scripts/bench-compare import it. Standard library only.
"""

import os
import sqlite3
import subprocess
from contextlib import closing

PASSPHRASE = "demo"  # every member of a generated place has it


class BadInput(Exception):
    """A problem with the command line or its files: exit status 2."""


class Failure(Exception):
    """A step that went wrong while setting up or timing: exit status 1."""


def check_thistle(path):
    if not path.is_file():
        raise BadInput(f"no thistle binary at {path} (build it with `swift build -c release --product thistle`)")
    if not os.access(path, os.X_OK):
        raise BadInput(f"{path} is not executable")
    return path.resolve()


def open_readonly(db):
    """Thistle's file opened read-only (nothing is written to it), closed after the `with`."""
    return closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True))


def check_db(db):
    """Raises BadInput unless `db` is a readable Thistle database."""
    if not db.is_file():
        raise BadInput(f"{db} is not a file")
    if not os.access(db, os.R_OK):
        raise BadInput(f"cannot read {db}")
    try:
        with open_readonly(db) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        raise BadInput(f"cannot read {db} as SQLite: {error}") from None
    missing = {"place", "case_file", "need", "member"} - tables
    if missing:
        raise BadInput(f"{db} is not a Thistle database (no {', '.join(sorted(missing))} table)")


def ensure_db(thistle, db):
    """The database, generated first if it is missing."""
    db = db.absolute()
    if not db.exists():
        print(f"No database at {db}: generating the fife scale place (seed 1, about four minutes)...", flush=True)
        db.parent.mkdir(parents=True, exist_ok=True)
        command = [str(thistle), "generate", "--scale", "fife", "--seed", "1", "--db", str(db)]
        if subprocess.run(command).returncode != 0:
            raise Failure(f"`{' '.join(command)}` failed")
    check_db(db)
    return db


def thistle_environment(work):
    """Env for thistle: a 0600 passphrase file and a private (0700) runtime folder to keep the sign-in."""
    folder = work / "thistle"
    runtime = folder / "runtime"
    runtime.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    runtime.chmod(0o700)
    passphrase = folder / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    passphrase.chmod(0o600)
    return {**os.environ, "THISTLE_PASSPHRASE_FILE": str(passphrase), "XDG_RUNTIME_DIR": str(runtime)}


def run(command, env=None):
    """Runs `command`, output captured; raises Failure if it fails."""
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise Failure(f"`{' '.join(command)}` exited {result.returncode}" + (f": {detail}" if detail else ""))
    return result
