"""Latency of `kg serve` under 8 concurrent clients for *parameterised* saved queries (one plan's targets,
the plans implementing one resolution, one indicator across provinces, one agency's tasks), the way
researchers use the endpoint, over a built corpus:

    python benchmarks/bench_endpoint.py /tmp/vnkg-bench/out-10000.nq --requests 400 --clients 8
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from pyoxigraph import RdfFormat, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_queries import load_test

from kg.queries import bind, load_catalogue

V = "https://w3id.org/vnkg/ontology#"
PICK = {  # saved query -> (its parameter, how to pick realistic values from the corpus)
    "targets-of-plan": ("plan", f"SELECT DISTINCT ?v WHERE {{ ?d <{V}hasTarget> ?t ; <{V}documentNumber> ?v }}"),
    "plans-implementing": ("resolution", f"SELECT DISTINCT ?v WHERE {{ ?p <{V}implements> ?r . "
                                         f"?r <{V}documentNumber> ?v }}"),
    "indicator-across-provinces": ("indicator", "SELECT DISTINCT ?v WHERE { ?c "
                                                "<http://www.w3.org/2004/02/skos/core#prefLabel> ?v }"),
    "tasks-by-agency": ("agency", f"SELECT DISTINCT ?v WHERE {{ ?t <{V}leadAgency> ?a . "
                                  "?a <http://www.w3.org/2000/01/rdf-schema#label> ?v }"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    store = Store()
    store.bulk_load(path=str(a.graph), format=RdfFormat.N_QUADS)
    rng = random.Random(a.seed)
    catalogue = load_catalogue()
    texts = []
    for name, (param, pick) in PICK.items():
        values = sorted({r["v"].value for r in store.query(pick, use_default_graph_as_union=True)})
        for v in rng.sample(values, min(25, len(values))):
            texts.append(bind(catalogue[name].text, {param: v}, catalogue[name].params))
    del store
    rng.shuffle(texts)
    result = load_test(a.graph, texts, a.requests, a.clients)
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
