# The site's tasks. `make serve` and `make test` work on a fresh machine: they create .venv first.
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test

# The virtual environment, rebuilt whenever requirements.txt changes.
$(VENV)/installed: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(VENV)/installed
	$(PYTHON) -m mkdocs serve

build: $(VENV)/installed
	$(PYTHON) -m mkdocs build --strict

test: $(VENV)/installed
	$(PYTHON) -m pytest
