"""Journey maps as docs-as-code: a validated model (core), pages and exports (render), and a
thin MkDocs plugin and CLI on top."""
