# 一条命令运行：make run    一条命令测试：make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# torch's CPU build; on the project's machines this version is served from local disk.
TORCH_SPEC ?= torch==2.13.0
# What the browser, reverse-proxy and screenshot tests need from Debian.
SYSTEM_PACKAGES := chromium nginx fonts-wqy-zenhei

.PHONY: run test system-deps clean

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

system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

run: $(VENV)/.installed
	$(BIN)/python app.py

test: $(VENV)/.installed-test system-deps
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) index/store
