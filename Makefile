# qfieldcloud_plugin: build, test, package.
# `make test` installs what is missing (Debian packages, .venv, pip tools) and runs the suite offscreen,
# on the host's QGIS 3.22 and then on QGIS 3.40 in a Debian trixie root (`QGIS_MATRIX=3.22`: host only).

SHELL := /bin/bash
PLUGIN := qfieldcloud_plugin
VENV := .venv
PYTHON := $(VENV)/bin/python
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth qttools5-dev-tools pyqt5-dev-tools
LRELEASE := $(shell command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)
TS_FILES := $(wildcard i18n/*.ts)
QM_FILES := $(patsubst i18n/%.ts,$(PLUGIN)/i18n/%.qm,$(TS_FILES))
PYTEST_ARGS ?=
# QGIS versions `make test` runs the suite on, in this order: 3.22 (host), 3.40 (scripts/qgis340/).
QGIS_MATRIX ?= 3.22 3.40
BENCH_SCALE ?= full
BENCH_ARGS ?=
SDK_VENV := bench/.venv-sdk
SERVER_PORT ?= 8011
SERVER_DATA ?= .data/server
ARGS ?=

export QT_QPA_PLATFORM ?= offscreen

.PHONY: all deps apt venv sdk-venv qgis340-root translations ts lint test test-322 test-340 check-qt6 mutation server cli demo demo-cli bench zip repo clean

all: translations

# --- dependencies (each step is skipped when already done) --------------------------------

deps: apt venv

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: tests/requirements.txt | apt
	@test -x $(PYTHON) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r tests/requirements.txt
	@touch $@

# The official qfieldcloud-sdk (latest from PyPI) for `make bench`, in its own venv: it never
# enters the plugin's .venv. `rm -rf bench/.venv-sdk` picks up a newer release.
sdk-venv: $(SDK_VENV)/.installed

$(SDK_VENV)/.installed:
	@test -x $(SDK_VENV)/bin/python || /usr/bin/python3 -m venv $(SDK_VENV)
	$(SDK_VENV)/bin/python -m pip install -q --disable-pip-version-check --upgrade qfieldcloud-sdk
	@touch $@

# Debian trixie root with QGIS 3.40 and its own test venv, kept outside the clone
# (QGIS340_ROOT, default /var/cache/qfieldcloud_plugin/trixie-qgis); a no-op once built.
qgis340-root:
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -E"; $$SUDO scripts/qgis340/build_root.sh

# --- build ---------------------------------------------------------------------------------

translations: $(QM_FILES)

# Refresh the .ts sources from the code (keeps existing translations); needs pyqt5-dev-tools.
LANGUAGES := de fr en
ts:
	@command -v pylupdate5 >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get install -y -qq --no-install-recommends pyqt5-dev-tools; }
	@sources=$$(find $(PLUGIN) -name '*.py' -not -path '$(PLUGIN)/client/*' | sort); \
	for lang in $(LANGUAGES); do pylupdate5 -noobsolete $$sources -ts i18n/$(PLUGIN)_$$lang.ts; done

$(PLUGIN)/i18n/%.qm: i18n/%.ts | apt
	@mkdir -p $(PLUGIN)/i18n
	$(LRELEASE) -silent $< -qm $@

# --- run -----------------------------------------------------------------------------------

# Style, types and the plugins.qgis.org flake8 set (settings: pyproject.toml, .flake8).
LINT_PATHS := $(PLUGIN) tests scripts bench docs
lint: venv
	@rc=0; \
	$(VENV)/bin/ruff check --quiet $(LINT_PATHS) || rc=1; \
	$(VENV)/bin/ruff format --check --quiet $(LINT_PATHS) || { echo "ruff format: run '$(VENV)/bin/ruff format .'"; rc=1; }; \
	$(VENV)/bin/mypy || rc=1; \
	$(VENV)/bin/flake8 $(PLUGIN) || rc=1; \
	if [ $$rc -eq 0 ]; then echo "lint: clean"; fi; exit $$rc

# The lint, then each QGIS of QGIS_MATRIX in turn; all of them run, and the first failure's exit code is kept.
test:
	@for v in $(QGIS_MATRIX); do \
	  case $$v in 3.22|3.40) ;; *) echo "QGIS_MATRIX: unknown QGIS version '$$v' (3.22, 3.40)"; exit 2;; esac; \
	done; \
	rc=0; echo "=== lint ==="; $(MAKE) --no-print-directory lint || rc=$$?; \
	for v in $(QGIS_MATRIX); do \
	  echo "=== QGIS $$v ==="; start=$$(date +%s); \
	  $(MAKE) --no-print-directory test-$${v/./} || { r=$$?; [ $$rc -ne 0 ] || rc=$$r; }; \
	  echo "=== QGIS $$v: $$(( $$(date +%s) - start )) s ==="; \
	done; exit $$rc

# The client's transfer tests run a second time on the portable disk path (client/disk.py), the one
# Windows and macOS take, so that both paths are proven here.
PORTABLE_DISK_TESTS := tests/test_client_transfer.py tests/test_client_durability.py tests/test_client_apply.py \
	tests/test_client_download_file.py tests/test_client_hostile_server.py tests/test_client_watchdog.py

test-322: deps translations
	@rc=0; $(PYTHON) -m pytest -c tests/pytest.ini --rootdir . $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; fi; \
	if [ -z "$(PYTEST_ARGS)" ]; then \
	  echo "--- the client's transfer tests on the portable disk path (QFC_PORTABLE_DISK=1) ---"; \
	  QFC_PORTABLE_DISK=1 $(PYTHON) -m pytest -c tests/pytest.ini --rootdir . -q -p no:pytest_qgis \
	    $(PORTABLE_DISK_TESTS) || { r=$$?; [ $$rc -ne 0 ] || rc=$$r; }; \
	fi; exit $$rc

test-340: qgis340-root translations
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -E"; $$SUDO scripts/qgis340/run_tests.sh $(PYTEST_ARGS)

# Code that would break under QGIS 4 / PyQt6 (also run by the suite, tests/test_qt6_readiness.py).
check-qt6:
	@python3 scripts/check_qt6.py

# The long sync under injected faults (300 files, one over 100 MB); `make test` runs the short one.
# Figures: .data/fault-reports/long.json
test-faults: deps translations
	$(PYTHON) -m pytest -c tests/pytest.ini --rootdir . -s -m faults_long tests/test_faults.py $(PYTEST_ARGS)

# Mutation testing (mutmut) of the safety-critical modules: a score per module, the surviving mutants,
# and a failure when one survives that tests/MUTATION.md does not explain. Slow: not part of `make test`.
# MUTATION_ARGS="--group client" (or core) for one half; "--report-only" prints the last results.
MUTATION_ARGS ?=
mutation: deps translations
	@$(PYTHON) -m pip install -q --disable-pip-version-check -r tests/requirements-mutation.txt
	@$(PYTHON) scripts/mutation.py $(MUTATION_ARGS)

server: deps
	@mkdir -p $(SERVER_DATA)
	$(PYTHON) -m tests.server --host 127.0.0.1 --port $(SERVER_PORT) --data $(SERVER_DATA)

cli: deps
	@$(PYTHON) -m $(PLUGIN).client $(ARGS)

# QGIS with the plugin, logged in to nothing yet, pointed at the local demo server.
demo: deps translations
	@$(PYTHON) -m scripts.demo qgis

demo-cli: deps
	@$(PYTHON) -m scripts.demo cli

# Our client vs the SDK vs curl/cp on the local server; BENCH_SCALE=small takes under 2 minutes.
bench: deps sdk-venv
	$(PYTHON) -m bench --scale $(BENCH_SCALE) --sdk-python $(SDK_VENV)/bin/python $(if $(BENCH_LINK),--link $(BENCH_LINK)) $(BENCH_ARGS)

zip: translations
	@$(PYTHON) -m scripts.plugin_zip build --output dist/$(PLUGIN).zip

# dist/plugins.xml next to the zip: a plugin repository QGIS accepts (Plugins › Settings › Add…).
# REPO_URL: the URL that will serve dist/ (default: the zip's file:// URL, for this machine).
REPO_URL ?=
repo: zip
	@$(PYTHON) -m scripts.plugin_repo --zip dist/$(PLUGIN).zip --output dist/plugins.xml $(if $(REPO_URL),--base-url $(REPO_URL))

clean:
	rm -rf dist $(PLUGIN)/i18n/*.qm .pytest_cache .mutation
	find . -name __pycache__ -prune -exec rm -rf {} +
