"""Served dossiers open each fact in its source text (`kg serve --texts DIR`): only files inside DIR that the graph
names are read, never a path a client sends (path-traversal attempts over HTTP, a graph naming a file outside,
a symbolic link out of the folder)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.build import sample_corpus
from kg.extraction.annotations import text_id
from kg.pages.texts import SourceFolder

SECRET = "SECRET-OUTSIDE-THE-TEXTS-FOLDER"
PLAN = "kon-tum-ke-hoach-2022.txt"  # the text of 35/KH-UBND
RENAMED = "ha-tinh-phien-hop-2024.txt"  # named "../secret.txt" in the served graph
LINKED = "quang-ninh-chuong-trinh-2025.txt"  # a symbolic link to the secret file in the served folder


def test_source_folder_finds_files_inside_it_by_name_and_text_id(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    (texts / "part-01").mkdir(parents=True)
    (texts / "part-02").mkdir()
    (texts / "part-01" / "a.txt").write_text("one", encoding="utf-8")
    (texts / "part-02" / "a.txt").write_text("two", encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", texts / "out.txt")
    folder = SourceFolder(texts)
    base = "https://w3id.org/vnkg/id/text/"
    # two files of one name: the one whose path relative to the folder gives the text's id
    assert folder.find("a.txt", base + text_id("part-02/a.txt")) == texts / "part-02" / "a.txt"
    assert folder.find("a.txt", base + text_id("part-01/a.txt")) == texts / "part-01" / "a.txt"
    assert folder.find("a.txt") == texts / "part-01" / "a.txt"  # else the first
    # names the graph could carry that point out of the folder, and a link out of it
    for name in ("../secret.txt", "secret.txt", "part-01/a.txt", str(tmp_path / "secret.txt"), "out.txt", ".."):
        assert folder.find(name) is None, name


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample served with --texts: one text renamed "../secret.txt" in the graph, one file a link out."""
    from kgserve_helpers import build_sample, kg_serve

    root = tmp_path_factory.mktemp("served-texts")
    graph = build_sample(root)
    lines = graph.read_text(encoding="utf-8").splitlines(keepends=True)
    renamed = [i for i, line in enumerate(lines) if "#fileName>" in line and f'"{RENAMED}"' in line]
    assert len(renamed) == 1
    lines[renamed[0]] = lines[renamed[0]].replace(f'"{RENAMED}"', '"../secret.txt"')
    graph.write_text("".join(lines), encoding="utf-8")
    texts = root / "texts"
    shutil.copytree(sample_corpus(), texts)
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    (texts / LINKED).unlink()
    os.symlink(root / "secret.txt", texts / LINKED)
    with kg_serve(graph, "--texts", str(texts)) as url:
        yield url


def get(url: str) -> httpx.Response:
    return httpx.get(url, headers={"Accept": "text/html"}, timeout=60)


def test_served_dossier_links_each_fact_to_its_text(served: str) -> None:
    page = get(served + "/id/doc/kon-tum/2022/35-kh-ubnd")
    assert page.status_code == 200
    views = json.loads(re.search(r'<script id="explain-views" type="application/json">(.*?)</script>',
                                 page.text).group(1))
    assert list(views.values()) == [{"name": PLAN, "src": f"/explain/{text_id(PLAN)}"}]
    spans = re.findall(r'class="open-explain" data-x="0" data-s="(\d+)" data-e="(\d+)"', page.text)
    assert len(spans) > 20  # targets, tasks, statements, sources
    view = get(served + f"/explain/{text_id(PLAN)}")
    assert view.status_code == 200 and "vnkgFocus" in view.text and "35/KH-UBND" in view.text
    # the nodes the spans became link to their pages on this server, opened in the whole window
    assert 'href="/id/doc/kon-tum/2022/35-kh-ubnd" target="_top"' in view.text
    assert 'href="https://w3id.org/vnkg/id/' not in view.text
    # every fact's span is a span of the text's explain view (its "open in the text" outlines it there)
    offsets = {tuple(s["o"]) for s in json.loads(re.search(r'<script id="spans" type="application/json">(.*?)'
                                                          r"</script>", view.text, re.S).group(1)).values()}
    assert {(int(s), int(e)) for s, e in spans} <= offsets


@pytest.mark.parametrize("path", ["..%2F..%2F..%2Fetc%2Fpasswd", "../../../etc/passwd", "%2e%2e/%2e%2e/secret.txt",
                                  "..%2Fsecret.txt", "secret.txt", "%2Fetc%2Fpasswd", text_id(PLAN)[:-1],
                                  text_id(PLAN) + "/..%2F..%2Fsecret.txt", "ffffffffffffffff"])
def test_served_explain_reads_no_path_a_client_sends(served: str, path: str) -> None:
    # sent as written (no client-side normalisation of the dots)
    with httpx.Client(timeout=60) as client:
        answer = client.send(client.build_request("GET", served + "/explain/" + path))
    assert answer.status_code == 404, answer.text[:300]
    assert SECRET not in answer.text and "root:" not in answer.text


def test_served_explain_reads_no_file_outside_the_folder_the_graph_names(served: str) -> None:
    for name in (RENAMED, LINKED):  # named "../secret.txt" by the graph; a link out of the folder
        answer = get(served + f"/explain/{text_id(name)}")
        assert answer.status_code == 404 and SECRET not in answer.text, (name, answer.text[:300])
        assert "is not in the served texts folder" in answer.text


def test_serve_texts_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "g.ttl").write_text("", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--texts", str(tmp_path / "nope"), "--graph",
                           str(tmp_path / "g.ttl")], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope'}: no such folder (--texts takes the "
                                                "folder of the source texts)"]
