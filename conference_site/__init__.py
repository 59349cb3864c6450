"""The site's knowledge as plain Python: content model, validation, catalog, events, calendars, JSON-LD, feeds,
share images, search records, formatting, scaffolding and translation status. Nothing here imports MkDocs:
the hooks in hooks/ hand MkDocs' objects to this package and put its results where MkDocs wants them."""
