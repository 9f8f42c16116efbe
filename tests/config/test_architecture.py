"""The layout holds: the import contracts of pyproject.toml ([tool.importlinter]) are kept.

Apps import one way (seed -> evaluations -> pledges -> campaigns -> units -> core), the
sub-packages of evaluations too (proposals -> awards -> ballots -> results), nothing
imports seed, and no app imports the project's configuration.
"""

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
