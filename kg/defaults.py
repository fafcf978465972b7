"""User-facing defaults shared by the library and the command line (kept import-free, so `kg --help` is fast)."""

DEFAULT_BASE = "https://w3id.org/vnkg/id/"  # base IRI of minted resources (`--base`)
DEFAULT_TIMEOUT = 60.0  # seconds a build gives one file (`kg build --timeout`)
DEFAULT_MAX_NODES = 1500  # largest view `kg viz` draws (`--max-nodes`)
