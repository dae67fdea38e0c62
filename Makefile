# The two commands of the README: `make reproduce` (set up, then the main job) and `make test` (set up, then the tests).
# Both work on a fresh machine with Python >= 3.10; everything goes into the virtual environment $(VENV).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# torch/torchvision are pinned to the builds that install offline on our machines (see settings.ini).
TORCH   = torch==2.14.1 torchvision==0.29.1

.PHONY: setup test test-all reproduce export clean-nbs check-sync lab

setup: $(VENV)/.installed

$(VENV)/.installed: settings.ini setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel setuptools
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e ".[dev,pose,onnx]"
	touch $@

## the tests: every notebook, skipping cells flagged slow or gpu; prints `N passed, M failed` (notebooks)
test: setup
	$(BIN)/python .ci/nbtest.py

## the tests including `slow` cells
test-all: setup
	$(BIN)/python .ci/nbtest.py --flags slow

## the main job: the full recipe on the embedded data set, ending in the late vs early+late fusion table and figures
reproduce: setup
	$(BIN)/rgbpose reproduce

export: setup
	$(BIN)/nbdev_export

clean-nbs: setup
	$(BIN)/nbdev_clean

## fails if the library or the notebooks are not what nbdev_export / nbdev_clean make of them
check-sync: setup
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean
	@git status --porcelain -- nbs rgbpose | grep . && { echo "nbdev_export/nbdev_clean changed the files above: run 'make export clean-nbs' and commit"; exit 1; } || echo "library and notebooks in sync"

lab: setup
	$(BIN)/jupyter lab nbs

.PHONY: notebooks docs check-docs

## run every notebook top to bottom in a Jupyter kernel (as JupyterLab's Run All) and save its outputs into it
## (nbdev_clean'ed; at most NB_TIMEOUT=300 s each); `make notebooks NBS="nbs/06_models.ipynb nbs/14_merge.ipynb"` for some
notebooks: setup
	$(BIN)/python tools/run_notebooks.py $(NBS)

## the documentation site, offline, from the notebooks with their saved outputs (nothing runs): _docs/index.html
docs: setup
	$(BIN)/python tools/build_docs.py

## the site in headless chromium (Debian's `chromium`): the home and model pages render, their images decode
check-docs: docs
	$(BIN)/python tools/check_docs.py
