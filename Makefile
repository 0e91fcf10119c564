# Two commands matter: `make run` and `make test`. Both set everything up first, from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

.PHONY: run test lint bench demo translations lock clean server openapi bytecode sync-schema statistics-doc
.PHONY: package package-check server-wheel package-windows

run: $(INSTALLED) $(TRANSLATIONS) bytecode
	@$(BIN)/heze-station $(ARGS)

demo: $(INSTALLED) $(TRANSLATIONS) bytecode
	@$(BIN)/heze-station --demo $(ARGS)

# The tests run in parallel, one worker more than the cores (pytest-xdist; worksteal: a worker out of tests takes
# over another's): many tests wait on a process they started (the app, a server, PostgreSQL), and the extra worker
# uses the core meanwhile (two cores: the suite took 7 min 17 s with three workers, 7 min 58 s and 8 min 8 s with two).
# PYTEST_ARGS narrows or adds to them (PYTEST_ARGS="tests/ui -x"); PYTEST_WORKERS=0 runs them in this process.
# Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set (an empty value unsets it): otherwise every worker
# rewrites every test module's asserts again, and each of the app and server processes the tests start compiles the
# package again.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null) && echo $$((n + 1)) || echo auto)
test: $(INSTALLED) $(TRANSLATIONS) lint
	PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen $(BIN)/pytest --numprocesses $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The bundles are built again when a source is newer than them: the bench measures the program of this checkout.
BUNDLE_SOURCES := heze_station installer resources pyproject.toml constraints.txt
stale = { [ -z "$$(ls $(1) 2>/dev/null)" ] || [ -n "$$(find $(BUNDLE_SOURCES) -newer "$$(ls -t $(1) | head -1)" -type f ! -path '*/__pycache__/*' -print -quit)" ]; }
bench: $(INSTALLED) $(TRANSLATIONS) bytecode
	@if $(call stale,dist/heze-station_*_amd64.deb); then $(MAKE) package; fi
	@if command -v makensis >/dev/null && $(call stale,dist/heze-station-*-setup.exe); then $(MAKE) package-windows; fi
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The station app's Linux packages in dist/ (installer/README.md): PyInstaller's one-folder bundle, then the .deb
# and the portable tar.gz; prints the glibc the bundle needs. The program's archive of Python modules is compressed
# at zlib's level 9 (PyInstaller's default is 6): smaller, and as fast to unpack.
# PyInstaller runs in build/bundle-env, the interpreter built here for glibc 2.28 with the Qt built for it
# (installer/README.md, "The glibc floor"): the bundle runs on UOS 20 and Kylin V10.
BUNDLE_ENV := build/bundle-env
package: $(BUNDLE_ENV)/.installed $(TRANSLATIONS)
	PYINSTALLER_ZLIB_COMPRESSION_LEVEL=9 $(BUNDLE_ENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/bundle --workpath build/pyinstaller installer/heze-station.spec
	sh installer/build-linux.sh
	@echo "glibc floor: $$(sh installer/glibc-floor.sh build/bundle/heze-station)"

# CI: check the Windows payload holds every module the app imports; install the .deb, run it as a station would,
# upgrade it, uninstall it (needs root or sudo); then install the
# city server's wheel into a fresh virtual environment and check it migrates, serves and answers /health.
package-check: package server-wheel package-windows
	$(BIN)/python installer/windows/check_payload.py build/pyinstaller/heze-station build/windows/payload
	sh installer/windows/check-wine.sh build/windows/payload
	sh installer/check-deb.sh
	$(BIN)/python installer/server/check_wheel.py dist/heze_station-$$(sed -n 's/^__version__ = "\(.*\)"$$/\1/p' heze_station/__init__.py)-py3-none-any.whl

# The station app's Windows installer, built here: dist/heze-station-<version>-setup.exe (installer/README.md).
package-windows: server-wheel
	PYTHON=$(BIN)/python sh installer/build-windows.sh

# The wheel the city installs the server from (with the server extra), and the container image is built from.
server-wheel: $(INSTALLED)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .

$(BUNDLE_ENV)/.installed: $(INSTALLED) installer/bundle-env.sh installer/build-python-glibc228.sh installer/constraints-glibc228.txt
	sh installer/bundle-env.sh
	touch $@

# The city sync server on this machine (SQLite in the user data folder unless HEZE_SERVER_DATABASE_URL is set).
server: $(INSTALLED)
	$(BIN)/heze-station-server serve $(ARGS)

# The published API description, after changing the server's routes or the sync schemas.
openapi: $(INSTALLED)
	$(BIN)/heze-station-server openapi > docs/openapi.json

# The virtual environment, rebuilt whenever the dependencies change. constraints.txt pins every package.
$(INSTALLED): pyproject.toml constraints.txt scripts/system-packages.sh
	@sh scripts/system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[dev]"
	@touch $@

# The fields the city server demands of each synced table, read off the station's models after changing them,
# and their list in docs/sync-protocol.md.
sync-schema: $(INSTALLED)
	$(BIN)/python -m heze_station.storage.sync_schema
	$(BIN)/ruff format --quiet heze_station/sync/station_schema.py
	$(BIN)/python scripts/sync_tables_doc.py

# Every figure's definition in docs/statistics.md, after changing heze_station/domain/statistics.py.
statistics-doc: $(INSTALLED)
	$(BIN)/python scripts/statistics_doc.py

# The package's compiled bytecode, which an editable install does not write and a machine with
# PYTHONDONTWRITEBYTECODE never caches: without it every start compiles the whole package again (about 0.1 s).
# Only changed files are compiled again.
bytecode: $(INSTALLED)
	@$(BIN)/python -m compileall -q heze_station

# Qt reads compiled .qm catalogues; the .ts sources are what translators edit.
resources/i18n/%.qm: resources/i18n/%.ts $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the pins after changing dependencies in pyproject.toml.
lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet --upgrade --editable ".[dev]"
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) resources/i18n/*.qm .pytest_cache .ruff_cache

# Collect new tr() strings into the catalogue (existing translations are kept), then translate them.
translations: $(INSTALLED)
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations none heze_station -ts resources/i18n/heze_station_zh_CN.ts
