# sellertui — `make run` and `make test` are all a fresh machine needs (Python >= 3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
APP    := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev
DEMO_DIR ?= .demo

.PHONY: run test demo bench screenshots clean

$(VENV)/pyvenv.cfg:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "sellertui needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)."; \
		  echo "Run: make run PYTHON=python3.12 (or whichever newer Python you have)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# the install also compiles the translation catalogs (setup.py): a changed .po installs again
$(APP): $(VENV)/pyvenv.cfg pyproject.toml setup.py $(wildcard sellertui/locale/*/LC_MESSAGES/*.po)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(DEV): $(APP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

run: $(APP)  ## start the app on your own store (an empty one offers the demo shop)
	$(BIN)/sellertui $(ARGS)

test: $(DEV)  ## the whole test suite
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(ARGS)

demo: $(APP)  ## try the demo shop in ./.demo without touching your own store
	@test -f $(DEMO_DIR)/store/meta.json || $(BIN)/sellertui demo --data-dir $(DEMO_DIR)
	$(BIN)/sellertui --data-dir $(DEMO_DIR)

bench: $(DEV)  ## speed ratios on the large demo shop (see README)
	$(BIN)/python -m sellertui.devtools.bench $(ARGS)

screenshots: $(DEV)  ## regenerate screenshots/*.svg from the demo shop
	$(BIN)/python -m sellertui.devtools.screenshots

clean:
	rm -rf $(VENV) $(DEMO_DIR) build *.egg-info
