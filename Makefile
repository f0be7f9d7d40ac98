# Two commands on a fresh machine: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
export NO_MKDOCS_2_WARNING := 1
LANGS := uk ru de fr tr

.PHONY: site site-offline serve test golden-update bench forms score catalog-extract catalog-update catalog-compile add-language screenshots clean clean-venv

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt tests/package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	cd tests && npm ci --no-audit --no-fund --silent   # axe-core for the accessibility tests
	touch $@

## site: install into .venv and build the five-language site from seeds/ into site/
site: $(STAMP)
	$(BIN)/mkdocs build

## site-offline: a copy in site-offline/ that works from file:// (pages as name.html, search without a server)
site-offline: $(STAMP)
	OFFLINE=true $(BIN)/mkdocs build --site-dir site-offline

## serve: preview at http://127.0.0.1:8000, rebuilding when an article is added
serve: $(STAMP)
	$(BIN)/mkdocs serve

## test: lint, types, unit + golden + build + browser tests
test: $(DEV_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy
	$(BIN)/pytest -ra

## golden-update: rewrite the golden Markdown pages after an intended change
golden-update: $(DEV_STAMP)
	$(BIN)/pytest tests/test_golden.py --update-golden -q

## bench: print extraction and build figures for 100, 1,000 and 5,000 generated articles (about 20 minutes)
bench: $(DEV_STAMP)
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_site --sizes 100,1000,5000

## forms: recompute generator/data/forms.json (inflected gazetteer names) after editing the gazetteer
forms: $(STAMP)
	$(BIN)/python -m generator.morph

## score: score the extractor on the seeds and the development corpus
score: $(STAMP)
	$(BIN)/python -m generator.evaluate --gold-dir tests/gold/seeds --articles-dir seeds
	$(BIN)/python -m generator.evaluate --gold-dir tests/corpus/gold --articles-dir tests/corpus/articles

## catalog-extract / catalog-update / catalog-compile: the gettext cycle for translators
catalog-extract: $(STAMP)
	$(BIN)/pybabel extract -F locales/babel.cfg -o locales/messages.pot --no-location --omit-header --sort-output .

catalog-update: catalog-extract
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete

catalog-compile: $(STAMP)
	$(BIN)/pybabel compile -d locales -D messages --statistics

## add-language LANG=xx NAME=Name: a new site language (catalog, mkdocs.yml entry, About page)
add-language: catalog-extract
	test -n "$(LANG)" || (echo "usage: make add-language LANG=xx NAME=Name" && false)
	$(BIN)/python -m generator add-language $(LANG) $(if $(NAME),--name "$(NAME)")

## screenshots: refresh the README's screenshots from the browser tests' output
SCREENSHOTS := briefing-story-en briefing-story-uk briefing-uk-phone home-en-phone figures-en search-uk
screenshots: $(DEV_STAMP)
	$(BIN)/pytest -q tests/test_browser.py
	$(foreach s,$(SCREENSHOTS),cp tests/artifacts/$(s).png tests/screenshots/;)

clean:
	rm -rf site .cache content/.generated.json $(foreach l,en $(LANGS),content/$(l)/briefings content/$(l)/sources content/$(l)/index.md content/$(l)/timeline.md)
	find locales -name '*.mo' -delete

clean-venv:
	rm -rf $(VENV)
