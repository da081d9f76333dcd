"""`journeys schema`: the JSON Schema of front matter, for editors' YAML language servers."""

from __future__ import annotations

import json
import sys

from journeys.cli.errors import CommandError
from journeys.cli.output import say
from journeys.core.json_schema import KINDS, front_matter_schema
from journeys.core.options import Options


def add_parser(commands, maps_help: str) -> None:
    schema = commands.add_parser("schema", help="print the JSON Schema of journey or persona front matter")
    schema.add_argument("kind", nargs="?", choices=KINDS, default="journey")
    schema.add_argument("-o", "--output", help="write to this file instead of printing")
    schema.set_defaults(run=run_schema)


def run_schema(args, maps_dir: str, options: Options) -> int:
    text = json.dumps(front_matter_schema(args.kind, options.custom_fields), indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror}") from None
    say(f"wrote {args.output}")
    return 0
