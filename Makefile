# 一条命令运行：make run    一条命令测试：make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# torch's CPU build; on the project's machines this version is served from local disk.
TORCH_SPEC ?= torch==2.13.0

.PHONY: run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -e ".[st,test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/python -m assistant index build

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) index/store
