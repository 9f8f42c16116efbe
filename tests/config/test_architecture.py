"""The layout holds: the import contracts of pyproject.toml ([tool.importlinter]) are kept.

Apps import one way (seed -> evaluations -> pledges -> campaigns -> units -> core), the
sub-packages of evaluations too (proposals -> awards -> ballots -> results), nothing
imports seed, and no app imports the project's configuration.
"""

import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# `{% if pledge.status == "signed" %}`: a template that reads status strings decides what a
# user may do behind the rules' back. Templates ask named permissions ({% has_perm %}) or a
# model's named property (`submission.was_submitted`); badges come from the status enum.
STATUS_STRING = re.compile(r"""status\s*(==|!=|\bin\b)\s*["']""")


def test_templates_never_compare_status_strings():
    offenders = [
        f"{path.relative_to(BASE_DIR)}:{number}"
        for path in sorted((BASE_DIR / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if STATUS_STRING.search(line)
    ]
    assert offenders == []
