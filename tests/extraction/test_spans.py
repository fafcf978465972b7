"""The span layer: ``nlp = kg.extraction.load(); doc = nlp(text)`` puts what vnkg reads in ``doc.spans``,
one key per kind, with the entities' attributes as span extensions; the TextResult is built from them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy import displacy
from spacy.tokens import DocBin

import kg.extraction
from kg.extraction.components import SpanCompleter
from kg.extraction.pipeline import extract, read_doc
from kg.extraction.spans import KEYS, result_from_spans
from kg.model import Span, Statement

PLAN = """ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
Số: 63/KH-UBND
Cao Bằng, ngày 4 tháng 2 năm 2027
KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 11/NQ-CP ngày 15/1/2027 của Chính phủ
I. MỤC TIÊU
Phấn đấu tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt trên 7,5%.
Năm 2026, thu ngân sách ước tăng 12,4% so với cùng kỳ.
"""


@pytest.fixture(scope="module")
def nlp():
    return kg.extraction.load()


@pytest.fixture(scope="module")
def plan_doc(nlp):
    return nlp(PLAN)


def test_load_gives_the_pipeline_and_a_plain_call_works(nlp, plan_doc) -> None:
    assert nlp is kg.extraction.load()
    assert nlp.pipe_names[-1] == "vnkg_spans"
    assert set(KEYS) <= set(plan_doc.spans)
    assert plan_doc.text == PLAN


def test_documents_are_labelled_spans_with_their_attributes(plan_doc) -> None:
    by_number = {s._.number: s for s in plan_doc.spans["documents"]}
    nq = by_number["11/NQ-CP"]
    assert nq.label_ == "Resolution" and nq.text == "Nghị quyết số 11/NQ-CP"
    assert (nq._.date, nq._.issuer) == ("2027-01-15", "Chính phủ")
    own = by_number["63/KH-UBND"]
    assert own.label_ == "Plan" and own._.attrs["role"] == "self"
    assert own._.issuer == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert nq._.vnkg.number == "11/NQ-CP"  # the entity itself


def test_dates_bodies_and_links_have_their_own_keys(plan_doc) -> None:
    assert [s._.date for s in plan_doc.spans["dates"]] == ["2027-02-04", "2027-01-15"]
    assert [(s.text, s.label_) for s in plan_doc.spans["bodies"]] == [("Chính phủ", "StateBody")]
    (link,) = plan_doc.spans["links"]
    assert link._.attrs == {"predicate": "implements", "subject": "63/KH-UBND", "object": "11/NQ-CP"}


def test_targets_and_results_are_kept_apart(plan_doc) -> None:
    (target,) = plan_doc.spans["targets"]
    assert (target.label_, target._.value, target._.unit, target._.comparator) == ("Target", "7.5", "%",
                                                                                  "GreaterThan")
    assert "tăng trưởng" in target._.indicator and target._.period == "2027"
    (result,) = plan_doc.spans["results"]
    assert (result.label_, result._.value, result._.period) == ("Result", "12.4", "2026")


def test_tokens_split_edge_punctuation_but_keep_symbols_and_figures_whole(nlp) -> None:
    text = "(Theo Kế hoạch số 5-KH/TU, Sở KH&ĐT đạt 6,5% và 21-22%; hạn Quý III/2026.)"
    tokens = [t.text for t in nlp.make_doc(text)]
    assert tokens[:2] == ["(", "Theo"]
    for whole in ("5-KH/TU", "KH&ĐT", "6,5%", "21-22%", "III/2026"):
        assert whole in tokens
    assert tokens[-3:] == ["III/2026", ".", ")"] and "," in tokens and ";" in tokens


def test_exact_offsets_survive_a_wider_token_span(nlp) -> None:
    text = "Căn cứ Quyết định số 88/QĐ-UBND(bản sao) của UBND tỉnh Lạng Sơn."
    doc = nlp(text)
    (span,) = doc.spans["documents"]
    assert span.text == "Quyết định số 88/QĐ-UBND(bản"  # one token: the bracket is glued inside it
    assert text[span._.start:span._.end] == "Quyết định số 88/QĐ-UBND"
    assert span._.vnkg.span.start == span._.start


def test_the_result_is_built_from_the_spans(nlp) -> None:
    doc = read_doc(PLAN, file_name="p.txt", rel_path="p.txt")
    full = result_from_spans(doc)
    assert full == extract(PLAN, file_name="p.txt", rel_path="p.txt")
    nq = next(i for i, d in enumerate(full.documents) if d.number == "11/NQ-CP")
    doc.spans["documents"] = [s for s in doc.spans["documents"] if s._.number != "11/NQ-CP"]
    doc.spans["results"] = []
    less = result_from_spans(doc)
    assert [d.number for d in less.documents] == [d.number for i, d in enumerate(full.documents) if i != nq]
    assert less.links == [] and len(full.links) == 1  # a link to a document no span holds goes too
    assert [t.is_result for t in less.targets] == [False]


def test_the_last_component_writes_spans_for_what_a_later_rule_added(nlp) -> None:
    doc = read_doc("Chủ đề năm 2027: Kỷ cương, đổi mới.", file_name="t.txt", rel_path="t.txt")
    res = doc._.vnkg.result
    before = len(doc.spans["statements"])
    res.statements.append(Statement("motto", "Đoàn kết", Span(0, 6, "Chủ đề", ""), 2027))
    SpanCompleter()(doc)
    assert len(doc.spans["statements"]) == before + 1
    assert doc.spans["statements"][-1]._.attrs["text"] == "Đoàn kết"
    assert result_from_spans(doc).statements[-1].text == "Đoàn kết"


def test_docbin_round_trips_spans_and_attributes(nlp, plan_doc) -> None:
    db = DocBin(store_user_data=True)
    db.add(plan_doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    for key in KEYS:
        assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[key]] == \
               [(s.start, s.end, s.label_, s.id_) for s in plan_doc.spans[key]]
        assert [s._.attrs for s in back.spans[key]] == [s._.attrs for s in plan_doc.spans[key]]
    assert back.spans["targets"][0]._.vnkg is None  # the entity lives with the pipeline state only
    assert Decimal(back.spans["targets"][0]._.value) == Decimal("7.5")


def test_displacy_renders_every_kind(plan_doc) -> None:
    for key in ("documents", "dates", "bodies", "targets", "results"):
        html = displacy.render(plan_doc, style="span", options={"spans_key": key})
        first = plan_doc.spans[key][0]
        assert first.label_ in html and first[0].text in html
