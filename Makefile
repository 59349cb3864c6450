# The site's tasks. `make serve` and `make test` work on a fresh machine: they create .venv first.
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test

# The oldest Python the site runs on (the workflows use it).
PYTHON_NEEDED := 3.11
comma := ,
python3_is_recent = $(shell python3 -c 'import sys; \
  sys.exit(sys.version_info[:2] < ($(subst .,$(comma),$(PYTHON_NEEDED))))' 2>/dev/null && echo yes)
python3_has_venv = $(shell python3 -c 'import ensurepip' 2>/dev/null && echo yes)
too_old = Python $(PYTHON_NEEDED) or newer is needed: python3 is $(or $(shell python3 -V 2>&1),missing) \
  (README: Requirements)
no_venv = python3 cannot make a virtual environment: install python3-venv (README: Requirements)

# The virtual environment with the build's packages, rebuilt whenever requirements.txt changes; one line first if
# python3 cannot make it.
# A .pth file puts this folder on the environment's path, so `import conference_site` finds ./conference_site/ from
# the hooks, the scripts, the tests and the copies of the site the tests build (which hold no copy of it).
$(VENV)/installed: requirements.txt
	$(if $(python3_is_recent),,$(error $(too_old)))
	$(if $(python3_has_venv),,$(error $(no_venv)))
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	echo "$(CURDIR)" > "$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/conference_site.pth"
	touch $@

# The test tools besides (requirements-test.txt): only `make test` needs them.
$(VENV)/test-installed: $(VENV)/installed requirements-test.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# The site at http://127.0.0.1:8000/, rebuilt on every save in docs/, data/, overrides/ or hooks/; after a failed
# build the browser shows the problems until the next good save (scripts/serve.py). PARALLEL=1: build as make
# build does, one process per language (faster once the site has a few hundred pages). LANG=en: that language
# alone (a build of one language costs about half), at its published address /en/.
serve: $(VENV)/installed
	$(PYTHON) scripts/serve.py $(if $(PARALLEL),--parallel) \
	  $(if $(filter command line,$(origin LANG)),--language $(LANG))

# `mkdocs build --strict` with one process per language; site/ is replaced only when the build succeeds.
# Without a SOURCE_DATE_EPOCH, the time of the last commit: two builds of one commit are byte-identical.
build: $(VENV)/installed
	SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)}" $(PYTHON) scripts/build.py

# The JavaScript the browser tests inject (axe-core), reinstalled whenever package-lock.json changes.
node_modules/installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The content alone, as the pull-request check's first step: every problem once, as path:line (GitHub Actions:
# also as annotations on the pull request's lines and in the job's summary). Plain Python, no build: a second.
check: $(VENV)/installed
	@$(PYTHON) -m conference_site check $(if $(GITHUB_ACTIONS),--github)

# Everything: the content check, then the tests (a content problem stops here, reported once), mypy --strict on
# conference_site/ among them (tests/test_typing.py).
test: $(VENV)/test-installed node_modules/installed
	@$(PYTHON) -m conference_site check
	$(PYTHON) -m pytest

.PHONY: translation-status translation-done

# Which English pages no longer match the Arabic page they were translated from.
translation-status: $(VENV)/installed
	@$(PYTHON) -m conference_site.translations status

# After updating an English page from its Arabic: make translation-done PAGE=conferences/<id>.md
translation-done: $(VENV)/installed
	@test -n "$(PAGE)" || { echo "Usage: make translation-done PAGE=conferences/<id>.md" >&2; exit 2; }
	@$(PYTHON) -m conference_site.translations done $(PAGE)

.PHONY: new-conference new-workshop new-organisation

# The data file and both pages of a new entity, every field present and commented (CONTRIBUTING.md).
new-conference: $(VENV)/installed
	@$(PYTHON) -m conference_site.scaffold conference "$(ID)"

new-workshop: $(VENV)/installed
	@$(PYTHON) -m conference_site.scaffold workshop "$(ID)" --conference "$(CONFERENCE)"

new-organisation: $(VENV)/installed
	@$(PYTHON) -m conference_site.scaffold organisation "$(ID)"

.PHONY: bench

# Synthetic sites of 100 and 1000 conferences built three ways (stock, sequential, parallel): the README's table.
bench: $(VENV)/installed
	$(PYTHON) bench/run.py --sizes 100 1000 --repeat 3 --serve 100

.PHONY: screenshots

# The README's screenshots (.github/screenshots/): the site built and shot in Debian's Chromium.
screenshots: $(VENV)/installed
	$(PYTHON) scripts/screenshots.py

.PHONY: lighthouse

# Lighthouse for the measurement below, installed on demand (not needed by `make test`).
bench/lighthouse/node_modules/installed: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse (mobile) scores and bytes sent for every kind of page in both languages: the README's table.
lighthouse: $(VENV)/installed bench/lighthouse/node_modules/installed
	$(PYTHON) bench/lighthouse.py $(if $(PAGES),--pages $(PAGES))
