# Train Well: `make book` builds the site, `make test` runs the whole suite.
# Both create .venv and install everything on first use; a second run installs nothing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The CPU build of PyTorch; override on machines that should get another build.
TORCH_SPEC ?= torch==2.13.0
NOTEBOOKS := $(sort $(wildcard chapters/*/*.ipynb))
SOLUTIONS := $(sort $(wildcard solutions/*.ipynb))
export TF_CPP_MIN_LOG_LEVEL := 2
export TF_ENABLE_ONEDNN_OPTS := 0
# One BLAS/OpenMP thread: the course's small models run as fast, stored outputs and nbval's re-runs
# see the same arithmetic, and parallel grading kernels do not fight over the cores.
export OMP_NUM_THREADS := 1
# The same kernels on every x86-64 CPU: the AVX2 code paths of OpenBLAS, PyTorch, MKL and oneDNN,
# so that stored outputs made on one CPU are reproduced bit for bit on another (AVX-512 kernels
# round differently).
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE := Haswell
export ATEN_CPU_CAPABILITY := avx2
export MKL_CBWR := AVX2
export ONEDNN_MAX_CPU_ISA := AVX2
endif

.PHONY: setup book catalogs test compat notebooks execute labs grade serve bench lint clean

# Also installs the system programs the tests need (bubblewrap, Chromium) where apt can.
setup: $(STAMP)
	@bash .ci/system-packages

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "Train Well needs Python 3.10 or newer; $(PYTHON) is older." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -c 'import torch' 2>/dev/null || $(BIN)/python -m pip install -q "$(TORCH_SPEC)"
	$(BIN)/python -m pip install -q -r requirements.txt
	@touch $(STAMP)

# Both editions: English in _build/html, Chinese (from locales/) in _build/html/zh.
book: setup
	$(BIN)/trainwell book

# The extra environments' tests: a runtime set up like Colab's, with the newest TensorFlow and
# Keras, and the oldest releases the requirements allow. Both are built into .venv/compat/ on first
# use and kept while their requirements stay the same.
COMPAT_TESTS := tests/test_colab_env.py tests/test_oldest_versions.py

# Two pytest runs, each on both cores: the course's own tests, then the extra environments (each
# run ends with its wall time; `make bench` reports both).
test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest tests chapters $(wildcard solutions) $(COMPAT_TESTS:%=--ignore=%) \
		--nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg -p no:cacheprovider \
		-n auto --dist loadfile --durations=15
	@$(MAKE) --no-print-directory compat

# Only the extra environments' tests (make test runs them last).
compat: setup
	$(BIN)/python -m pytest $(COMPAT_TESTS) -p no:cacheprovider -n auto --dist loadfile --durations=15

# The PyTorch and TensorFlow notebooks of each chapter and lab, from its one source
# (chapters/*/notebook.md, solutions/*.md), and each concept page's index.ipynb from its
# index.md; unchanged code cells keep their stored outputs.
notebooks: setup
	$(BIN)/trainwell notebooks

execute: notebooks
	$(BIN)/python tests/bench.py --execute $(NOTEBOOKS) $(SOLUTIONS)

serve: PORT ?= 8000
serve: setup
	@test -f _build/html/index.html || $(MAKE) book
	@echo "Serving the site at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it; make serve PORT=8001 for another port)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: setup
	$(BIN)/python tests/bench.py $(NOTEBOOKS) $(SOLUTIONS) --book --grading --suite

# After an English change: merge the site's messages into the Chinese catalogs (locales/zh_CN),
# which mark what is new or changed for translation (make test fails until it is translated).
catalogs: setup
	$(BIN)/trainwell catalogs

# The student labs (labs/*.ipynb and their public tests) from the masters in solutions/.
labs: notebooks
	$(BIN)/trainwell labs --solutions solutions --out labs

# Grade a folder of submissions: make grade LAB=02-vanishing-exploding-pytorch SUBMISSIONS=dir OUT=grades
grade: setup
	@test -n "$(LAB)" -a -n "$(SUBMISSIONS)" || \
		{ echo "usage: make grade LAB=<lab-id> SUBMISSIONS=<folder or .ipynb> [OUT=grades]" >&2; exit 2; }
	$(BIN)/trainwell grade --lab $(LAB) $(SUBMISSIONS) --out $(or $(OUT),grades)

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf _build
