"""Opening a page in a chosen palette and running axe-core over it."""

from __future__ import annotations

# WCAG 2.0, 2.1 and 2.2, levels A and AA: the conformance target of the handbook.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Material's palette toggle: the label that switches *to* each scheme (mkdocs.yml order).
TOGGLE = {"default": 'label[for="__palette_0"]', "slate": 'label[for="__palette_1"]'}
# Material fades colours when the palette changes; axe must measure the settled colours.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def open_page(context, url: str, scheme: str):
    """Load `url` and switch Material's palette to `scheme` the way a reader does, by its toggle."""
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(content=NO_TRANSITIONS)
    if page.get_attribute("body", "data-md-color-scheme") != scheme:
        page.click(TOGGLE[scheme])
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)
    return page


def axe_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """One line per offending node: rule, impact, selector and axe's own summary."""
    lines = []
    for rule in violations:
        for node in rule["nodes"]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"{rule['id']} ({node.get('impact') or rule.get('impact')}) at {node['target']}: {summary}")
    return "\n".join(lines)
