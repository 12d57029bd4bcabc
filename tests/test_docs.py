"""Every command has help with an example and is documented in the README; the README's
first two commands are the ones CI runs."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import ROOT
from timeline.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`timeline {name} --help` shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"`timeline {re.escape(name)}[ `]", README), f"`timeline {name}` is not in README.md"


def test_the_readme_begins_with_the_two_fresh_machine_commands():
    commands = re.findall(r"^    \$ (.+)$", README, flags=re.M)
    assert "pip install . && timeline build seeds/" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in ci  # .ci/run runs exactly the README's second command
