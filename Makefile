# imgaug2 developer entry points. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# torch==2.13.0 is the CPU build these machines carry on disk; a bare "torch" would pull a
# multi-GB CUDA build. It is only needed by the Ray Train example/tests.
TORCH  ?= torch==2.13.0

.PHONY: install demo test lint docs bench-quick bench-full clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e ".[ray,spec,dev,docs]"
	$(PY) -m pip install "$(TORCH)" || echo "warning: $(TORCH) not installed; Ray Train tests will be skipped"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(PY) examples/demo.py --output demo-output

lint: install
	$(PY) -m ruff check imgaug2 imgaug2_ray tests examples tools

docs: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --quiet --site-dir $(VENV)/site

test: install lint docs
	$(PY) -m pytest -q -p no:cacheprovider

# albumentations, matplotlib and psutil for the side-by-side benchmarks (the `bench` extra)
$(VENV)/.bench-installed: pyproject.toml | $(STAMP)
	$(PY) -m pip install -e ".[bench]"
	touch $@

bench-quick: $(VENV)/.bench-installed
	$(PY) -m imgaug2.benchmarks --suite quick --output bench-output

# every suite, plus imgaug 0.4.0 in its own virtualenv (created on first use)
bench-full: $(VENV)/.bench-installed
	$(PY) -m imgaug2.benchmarks --suite full --output bench-output --imgaug-venv .imgaug-venv

clean:
	rm -rf $(VENV) .imgaug-venv demo-output bench-output site
