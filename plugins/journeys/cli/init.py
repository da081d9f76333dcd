"""`journeys init DIR`: a handbook of your own, ready to build: the site config with the
plugin and the form editor, a home page that shows a journey, the stage and team catalogues,
one persona and one journey that pass the check, the pull-request workflow, a pre-commit
configuration and a README. The files are in `cli/starter/`; `[[name]]` marks what is filled
in."""

from __future__ import annotations

import datetime
import json
import os
from importlib import metadata

from journeys.cli.errors import CommandError
from journeys.cli.output import say
from journeys.core.editor_option import Editor
from journeys.core.options import Options
from journeys.render.editor_config import backend_settings

STARTER = os.path.join(os.path.dirname(__file__), "starter")
LOGIN = {
    "github": "GitHub needs an OAuth proxy for the login (see the plugin's editor's guide).",
    "gitlab": "GitLab logs in with an OAuth application of yours (PKCE, no server needed).",
    "gitea": "Gitea and Forgejo log in with an OAuth application of yours (no server needed).",
    "azure": "Azure DevOps logs in with an app registered in your Azure tenant.",
    "bitbucket": "Bitbucket logs in with an OAuth consumer of yours.",
}


def add_parser(commands, maps_help: str) -> None:
    init = commands.add_parser("init", help="write a new handbook of your own into a folder, ready to build")
    init.add_argument("dir", help="the folder to write into (created if missing; must not hold a handbook yet)")
    init.add_argument("--company", default="Our company", help="the company's name, as the site shows it")
    init.add_argument("--repo", help="the repository's web address, e.g. https://github.com/org/journeys")
    init.set_defaults(run=run_init)


def _version() -> str:
    try:
        return metadata.version("mkdocs-journeys")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0.1.0"


def _values(company: str, repo: str | None) -> dict[str, str]:
    """What fills each `[[name]]`; YAML values as JSON strings, which YAML reads as written."""
    repo_lines = (
        f"repo_url: {json.dumps(repo)}\nedit_uri: edit/main/docs/\n"
        if repo
        else "# repo_url: https://github.com/<org>/<repository>   # the editor's login and the edit links follow it\n"
    )
    backend, note = backend_settings(Editor(), repo)
    login = LOGIN.get(backend["name"], note or "") if not note else note + "."
    return {
        "site_name": json.dumps(f"{company} customer journeys", ensure_ascii=False),
        "description": json.dumps(f"How our customers experience {company}, map by map.", ensure_ascii=False),
        "persona_summary": json.dumps(
            f"Signs up with {company} for the first time, mostly from a phone, between other things.",
            ensure_ascii=False,
        ),
        "company_md": company.replace("\n", " "),
        "repo_lines": repo_lines,
        "today": datetime.date.today().isoformat(),
        "version": _version(),
        "login_hint": login,
    }


def run_init(args, maps_dir: str, options: Options) -> int:
    target = args.dir
    for name in ("mkdocs.yml", "maps", "docs"):
        if os.path.exists(os.path.join(target, name)):
            raise CommandError(
                f"{os.path.join(target, name)} exists already: init writes a new handbook into an empty folder"
            )
    values = _values(args.company.strip() or "Our company", args.repo)
    written = []
    for folder, _, names in sorted(os.walk(STARTER)):
        for name in sorted(names):
            source = os.path.join(folder, name)
            rel = os.path.relpath(source, STARTER)
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
            for key, value in values.items():
                text = text.replace(f"[[{key}]]", value)
            path = os.path.join(target, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written.append(rel)
    say(f"wrote a handbook into {target}: {len(written)} files")
    say(f"next: cd {target} && pip install -r requirements.txt && mkdocs serve --livereload")
    return 0
