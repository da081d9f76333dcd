"""Pages (Markdown with front matter), chart specs and exports, rendered from the core model.
Knows nothing of MkDocs beyond the shape of a Markdown page."""
