"""The README cannot drift from the code: every setting and role is documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def environment_variables_read_by_settings() -> set[str]:
    source = (ROOT / "netra" / "settings.py").read_text(encoding="utf-8")
    return set(re.findall(r'env\w*\(\s*"((?:NETRA_|DATABASE_)\w*)"', source))


def test_every_environment_variable_is_documented():
    variables = environment_variables_read_by_settings()
    assert "DATABASE_URL" in variables and "NETRA_SECRET_KEY" in variables
    missing = sorted(name for name in variables if f"`{name}`" not in README)
    assert not missing, f"README lacks: {missing}"


def test_every_role_is_documented():
    from netra.accounts.services import read_roles

    missing = [role["name"] for role in read_roles() if role["name"] not in README]
    assert not missing, f"README lacks roles: {missing}"


def test_the_readme_opens_with_the_two_commands():
    code_blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", README, flags=re.S)
    assert code_blocks[0].split() == ["make", "run"]
    assert code_blocks[1].split() == ["make", "test"]
