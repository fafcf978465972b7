"""The registered spaCy components and CLI commands match a committed snapshot, so a rename or a lost
registration is a visible change (and `--help` works for every command)."""

import json
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from kg.cli import app
from kg.extraction.factories import PIPELINE
from kg.extraction.pipeline import make_nlp

SNAPSHOT = json.loads((Path(__file__).parent / "snapshots" / "registry.json").read_text(encoding="utf-8"))


def test_pipeline_components_match_the_snapshot() -> None:
    assert list(PIPELINE) == SNAPSHOT["pipeline"]
    assert make_nlp().pipe_names == SNAPSHOT["pipeline"]


def test_cli_commands_match_the_snapshot_and_have_help() -> None:
    commands = typer.main.get_command(app).commands
    assert sorted(commands) == SNAPSHOT["commands"]
    runner = CliRunner()
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage" in result.output
