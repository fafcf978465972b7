"""Every command of the README, in order, as a newcomer runs them: from a wheel installed (not editable) in a
fresh virtual environment, in a fresh copy of the tree; each must exit 0 and leave the tracked files as they were.

The commands are read from the README's ```bash blocks (and the one ```python block), so a command added there
is run here. What the test does instead of running a line as written:

* the set-up steps of "Start here" (``python3 -m venv .venv``, activating it, ``pip install -e ".[test]"``) are
  replaced by a ``pip install .`` (a non-editable install, without downloading the dependencies again), which
  must leave no new file in the tree and give a `kg queries` that lists the saved queries;
* ``pytest`` is skipped: it is the test suite itself (CI runs it; running it here would recurse);
* ``kg serve`` runs in the background on a free port instead of 8000; the README's ``-e`` query is asked over
  HTTP, and the server is stopped with Ctrl-C (SIGINT) as a user stops it;
* placeholders get real things: ``path/to/texts`` and ``corpus/part-01``, ``corpus/part-02`` are the bundled
  sample's texts; ``tcp://scheduler:8786`` is a Dask scheduler and worker started on loopback; ``$GSP`` is a
  Graph Store Protocol endpoint started here (backed by an Oxigraph store, checking the user and password);
  ``plan.txt``, ``page.html`` and ``plan.docx`` are sample texts; the Python block's ``text`` is ``plan.txt``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.util
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP_STEPS = {"python3 -m venv .venv", ". .venv/bin/activate", 'pip install -e ".[test]"'}
SKIPPED = {"pytest": "the test suite itself: CI runs it, and running it here would recurse"}
PYTHON_PRELUDE = 'text = open("plan.txt", encoding="utf-8").read()  # the README\'s `text`: a text of the user\'s\n'
COMMAND_TIMEOUT = 600

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Command:
    lang: str  # "bash" or "python"
    text: str


def readme_commands(readme: str) -> list[Command]:
    """The commands of the README's bash blocks (one a line, `&&` chains split) and its Python blocks, in order."""
    out: list[Command] = []
    for m in re.finditer(r"^```(bash|python)\n(.*?)^```", readme, re.S | re.M):
        if m.group(1) == "python":
            out.append(Command("python", m.group(2)))
            continue
        for line in m.group(2).replace("\\\n", " ").splitlines():
            line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            out.extend(Command("bash", part.strip()) for part in line.split(" && ") if part.strip())
    return out


def tree_files() -> list[str]:
    """The files of the checkout a clone would have (tracked, plus new ones not ignored), as git lists them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: which files are tracked is unknown")
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, check=True)
    return [name for name in out.stdout.decode().split("\0") if name and os.path.lexists(ROOT / name)]


def digest(folder: Path, names: list[str]) -> dict[str, str]:
    def one(path: Path) -> str:
        if path.is_symlink():
            return "link:" + os.readlink(path)
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"

    return {name: one(folder / name) for name in names}


def copy_tree(names: list[str], dest: Path) -> None:
    """A fresh copy of the tree (symbolic links kept, as a clone has them)."""
    for name in names:
        src, dst = ROOT / name, dest / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copy2(src, dst)


def files_under(folder: Path) -> set[str]:
    """Every file and folder below `folder`, relative to it (symbolic links listed, not followed)."""
    return {str(Path(top, name).relative_to(folder)) for top, dirs, files in os.walk(folder) for name in dirs + files}


def install_package(tree: Path, venv: Path) -> Path:
    """`pip install .` of the copy (no dependencies) into a fresh virtual environment that sees this environment's
    packages; return its bin folder. The install writes nothing into the tree (no build/, no *.egg-info), and the
    installed `kg queries` lists the saved queries from a folder outside the tree (what the wheel holds:
    test_cli_conventions.py::test_wheel_ships_saved_queries_and_ontology)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    import site

    # this environment's packages as plain paths: its editable vnkg (a .pth finder) is not loaded
    Path(purelib, "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    in_tree = files_under(tree)
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", "."],
                               cwd=tree, capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stderr[-3000:]
    assert files_under(tree) == in_tree, f"pip install . left new files in the tree: {files_under(tree) - in_tree}"
    where = subprocess.run([str(python), "-I", "-c", "import kg; print(kg.__file__)"], capture_output=True, text=True,
                           cwd=venv.parent, check=True).stdout.strip()
    assert where.startswith(purelib), f"kg imported from {where}, not from the installed package"
    listed = subprocess.run([str(venv / "bin" / "kg"), "queries"], cwd=venv.parent, capture_output=True, text=True,
                            timeout=COMMAND_TIMEOUT)
    saved = sorted(p.stem for p in (tree / "queries").glob("*.rq"))
    assert saved and all(f"\n{name}\t" in listed.stdout for name in saved), listed.stdout + listed.stderr
    return venv / "bin"


def free_port() -> int:
    from kg.serve.launch import free_port as port

    return port()


class GSP(BaseHTTPRequestHandler):
    """A Graph Store Protocol endpoint over an Oxigraph store: PUT replaces a graph, POST adds to it (N-Triples,
    HTTP Basic user U, password P); GET on /sparql answers SPARQL queries."""

    store: ClassVar[Any] = None
    auth: ClassVar[str] = "Basic " + base64.b64encode(b"U:P").decode()

    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.end_headers()

    def _write(self, replace: bool) -> None:
        from pyoxigraph import NamedNode, Quad, RdfFormat, parse

        if self.headers.get("Authorization") != self.auth:
            self.send_response(401)
            self.end_headers()
            return
        graph = NamedNode(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0])
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if replace:
            self.store.clear_graph(graph)
        self.store.extend(Quad(t.subject, t.predicate, t.object, graph)
                          for t in parse(body, format=RdfFormat.N_TRIPLES))
        self.send_response(201 if replace else 204)
        self.end_headers()

    def do_PUT(self) -> None:
        self._write(True)

    def do_POST(self) -> None:
        self._write(False)

    def do_GET(self) -> None:
        from pyoxigraph import QueryResultsFormat

        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["query"][0]
        body = self.store.query(query).serialize(format=QueryResultsFormat.JSON)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def gsp_endpoint() -> Iterator[str]:
    from pyoxigraph import Store

    GSP.store = Store()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), GSP)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql-graph-crud-auth"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def background(*procs: list[str], env: dict[str, str], cwd: Path, log: Path) -> Iterator[list[subprocess.Popen]]:
    """Processes started for the length of a block, then stopped with SIGINT (killed if they linger)."""
    started: list[subprocess.Popen] = []
    with open(log, "ab") as out:
        try:
            for cmd in procs:
                started.append(subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT))
            yield started
        finally:
            for p in reversed(started):
                if p.poll() is None:
                    p.send_signal(signal.SIGINT)
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(10)


def wait_for(url: str, proc: subprocess.Popen, log: Path, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"{proc.args} exited with {proc.returncode}: {log.read_text()[-2000:]}"
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2):
            return
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {within} s: {log.read_text()[-2000:]}")


def place_inputs(tree: Path) -> None:
    """The README's placeholder inputs, made of the bundled sample's texts."""
    sample = tree / "kg" / "sample"
    shutil.copytree(sample, tree / "path" / "to" / "texts", ignore=shutil.ignore_patterns("README*"))
    names = sorted(p.name for p in sample.iterdir() if p.suffix in (".txt", ".html"))
    for part, chosen in (("part-01", names[:3]), ("part-02", names[3:])):
        folder = tree / "corpus" / part
        folder.mkdir(parents=True)
        for name in chosen:
            for f in sample.glob(name + "*"):
                shutil.copy(f, folder)
    text = (sample / "kon-tum-ke-hoach-2022.txt").read_text(encoding="utf-8")
    (tree / "plan.txt").write_text(text, encoding="utf-8")
    shutil.copy(sample / "nghe-an-ke-hoach-2021.html", tree / "page.html")
    import docx

    document = docx.Document()
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    document.save(str(tree / "plan.docx"))


def test_every_readme_command_runs_from_a_wheel_in_a_fresh_tree(tmp_path: Path) -> None:
    commands = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any(c.text == "kg build" for c in commands) and any(c.text.startswith("kg serve") for c in commands)
    names = tree_files()
    tree = tmp_path / "vnkg"
    copy_tree(names, tree)
    before = digest(tree, names)
    bin_dir = install_package(tree, tmp_path / "venv")
    place_inputs(tree)
    log = tmp_path / "background.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", VIRTUAL_ENV=str(bin_dir.parent), NO_COLOR="1",
               COLUMNS="120")
    failures: list[str] = []
    ran: list[str] = []
    state = dict(before)
    changed_by: dict[str, str] = {}  # tracked file -> the first README command that changed it

    def run(command: str, lang: str = "bash") -> subprocess.CompletedProcess[str]:
        argv = ["bash", "-e", "-o", "pipefail", "-c", command] if lang == "bash" else \
            [str(bin_dir / "python"), "-I", "-c", PYTHON_PRELUDE + command]
        done = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
        ran.append(command.splitlines()[0])
        if done.returncode != 0:
            failures.append(f"$ {command}\n(exit {done.returncode})\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
        return done

    with contextlib.ExitStack() as services:
        env["GSP"] = services.enter_context(gsp_endpoint())
        for c in commands:
            if c.text in SETUP_STEPS or c.text in SKIPPED:
                continue
            if c.lang == "python":
                run(c.text, "python")
            elif c.text.startswith("kg serve"):
                serve_readme_command(c.text, commands, tree, env, log, failures)
                ran.append(c.text)
            elif "tcp://scheduler:8786" in c.text:
                if importlib.util.find_spec("distributed") is None:
                    pytest.fail(f"{c.text}: needs dask[distributed] (pip install -e '.[dask]'; the test extra has it)")
                port = free_port()
                python = str(bin_dir / "python")
                with background([python, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                                 str(port), "--no-dashboard"],
                                [python, "-m", "distributed.cli.dask_worker", f"tcp://127.0.0.1:{port}", "--nworkers",
                                 "1", "--nthreads", "1", "--no-dashboard"], env=env, cwd=tree, log=log):
                    run(c.text.replace("tcp://scheduler:8786", f"tcp://127.0.0.1:{port}"))
            else:
                run(c.text)
            now = digest(tree, names)
            changed_by.update({n: c.text.splitlines()[0] for n in names if now[n] != state[n] and n not in changed_by})
            state = now
    assert not failures, f"{len(failures)} of {len(ran)} README commands failed:\n\n" + "\n\n".join(failures)
    assert not changed_by, (
        "README commands changed tracked files (a command overwrote what it should not, or the committed file is "
        "stale: rerun the command in the checkout and commit the file):\n"
        + "\n".join(f"  {n}  <-  {command}" for n, command in sorted(changed_by.items())))
    assert len(ran) == len([c for c in commands if c.text not in SETUP_STEPS | set(SKIPPED)])


def serve_readme_command(command: str, commands: list[Command], tree: Path, env: dict[str, str], log: Path,
                         failures: list[str]) -> None:
    """`kg serve` in the background on a free port: the README's `-e` query over HTTP gives what `kg query`
    gives, the query page answers, and Ctrl-C stops the server."""
    port = free_port()
    argv = shlex.split(re.sub(r"--port \d+", f"--port {port}", command))
    query = next(shlex.split(c.text) for c in commands if c.text.startswith("kg query -e"))
    expr = query[query.index("-e") + 1]
    with background(argv, env=env, cwd=tree, log=log) as (server,):
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/healthz", server, log)
        request = urllib.request.Request(url + "/sparql", data=urllib.parse.urlencode({"query": expr}).encode(),
                                         headers={"Accept": "text/csv"})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                over_http = r.read().decode().split()
        except urllib.error.HTTPError as e:
            over_http = [f"HTTP {e.code}: {e.read().decode()[:500]}"]
        store = argv[argv.index("--store") + 1]
        cli = subprocess.run(["kg", "query", "-e", expr, "--store", store, "-f", "csv"], cwd=tree, env=env,
                             capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
        if over_http != cli.stdout.split():
            failures.append(f"$ {command}\nthe README's -e query over HTTP gave {over_http}, kg query gave "
                            f"{cli.stdout.split()} {cli.stderr[-500:]}")
        with urllib.request.urlopen(url + "/", timeout=30) as page:
            assert page.status == 200
        server.send_signal(signal.SIGINT)
        code = server.wait(30)
    if code not in (0, -signal.SIGINT, 128 + signal.SIGINT):
        failures.append(f"$ {command}\nstopped with Ctrl-C, it exited {code}: {log.read_text()[-1500:]}")
