"""discover() and read_sidecar()."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.ingest import ReadError, discover, read_sidecar


def touch(p: Path, text: str = "Kế hoạch") -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_discover_recursive(tmp_path):
    a = touch(tmp_path / "corpus" / "b.txt")
    b = touch(tmp_path / "corpus" / "2024" / "q1" / "kh.docx")
    c = touch(tmp_path / "corpus" / "2024" / "tin.HTML")
    d = touch(tmp_path / "corpus" / "a.pdf")
    touch(tmp_path / "corpus" / "b.txt.meta.json", "{}")
    touch(tmp_path / "corpus" / "notes.rtf")
    touch(tmp_path / "corpus" / ".hidden.txt")
    touch(tmp_path / "corpus" / ".git" / "x.txt")
    touch(tmp_path / "corpus" / "kh.htm.meta.json", "{}")
    files, errors = discover([tmp_path / "corpus"])
    assert errors == []
    assert files == sorted([a, b, c, d], key=str)


def test_discover_direct_files_and_errors(tmp_path):
    txt = touch(tmp_path / "x.txt")
    rtf = touch(tmp_path / "y.rtf")
    files, errors = discover([txt, rtf, tmp_path / "missing.txt", txt])
    assert files == [txt]
    assert [str(e) for e in errors] == [
        f"{rtf}: unsupported file type '.rtf'",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert all(isinstance(e, ReadError) for e in errors)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_discover_symlink_loop_and_duplicates(tmp_path):
    root = tmp_path / "corpus"
    f = touch(root / "sub" / "kh.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    (root / "alias.txt").symlink_to(f)
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    files, errors = discover([root, f])
    # alias.txt, again/kh.txt and sub/kh.txt are one real file: kept once, first by path string.
    assert files == [root / "again" / "kh.txt"] or files == [root / "alias.txt"]
    assert len(files) == 1
    assert [str(e) for e in errors] == [f"{root / 'dangling.txt'}: broken symbolic link"]


def test_sidecar(tmp_path):
    doc = touch(tmp_path / "kh.txt")
    assert read_sidecar(doc) == {}
    meta = {"source_url": "https://haugiang.gov.vn/kh-57", "province": "Hậu Giang",
            "published": "2024-01-20", "title": "Kế hoạch 57/KH-UBND", "extra": 1}
    side = touch(tmp_path / "kh.meta.json", json.dumps(meta, ensure_ascii=False))
    assert read_sidecar(doc) == {k: v for k, v in meta.items() if k != "extra"}
    side.unlink()
    touch(tmp_path / "kh.txt.meta.json", json.dumps({"province": "Sóc Trăng", "published": None}))
    assert read_sidecar(doc) == {"province": "Sóc Trăng"}


@pytest.mark.parametrize(
    ("content", "cause"),
    [("{not json", "invalid JSON"), ("[1, 2]", "sidecar is not a JSON object"),
     ('{"published": "20/01/2024"}', "'published' is not an ISO date")],
)
def test_sidecar_invalid(tmp_path, content, cause):
    doc = touch(tmp_path / "kh.txt")
    side = touch(tmp_path / "kh.txt.meta.json", content)
    with pytest.raises(ReadError) as info:
        read_sidecar(doc)
    assert str(info.value).startswith(f"{side}: {cause}")
