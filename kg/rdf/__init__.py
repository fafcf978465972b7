"""RDF side of vnkg: the ontology vocabulary and the mapping of extracted entities to triples."""
