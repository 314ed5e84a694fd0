# One command to set up and run the demo, one to set up and run the tests.
#   make demo   - create .venv, install arnews, extract the bundled sample into data/processed
#   make test   - create .venv, install arnews with test extras, run the test suite
PYTHON ?= python3
VENV   ?= .venv
# camel-tools depends on torch; the CPU build is all arnews needs (set TORCH= to skip).
TORCH  ?= torch==2.13.0
BIN     = $(VENV)/bin

.PHONY: demo test lint dev-score eval clean

$(BIN)/arnews: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(if $(TORCH),$(BIN)/python -m pip install --quiet $(TORCH))
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/arnews
	$(BIN)/arnews extract data/raw --out data/processed

test: $(BIN)/arnews
	$(BIN)/python -m pytest -q

# The code-shape limits of issue 10 (module and function length, complexity, no Arabic in
# the rules' Python); they are part of `make test` too.
lint: $(BIN)/arnews
	$(BIN)/python -m pytest -q tests/test_code_shape.py

# Score meeting extraction on the development set (needs ../shared).
dev-score: $(BIN)/arnews
	rm -rf /tmp/arnews-dev
	$(BIN)/arnews extract ../shared/corpora/meetings-dev --out /tmp/arnews-dev --show 0
	$(BIN)/python ../shared/tools/score_meetings.py ../shared/gold/meetings_dev.json /tmp/arnews-dev

clean:
	rm -rf $(VENV) data/processed build

# Extract and score the annotated corpus's dev and test splits (needs ../shared/corpora).
EVAL = build/eval
eval: $(BIN)/arnews
	rm -rf $(EVAL) && mkdir -p $(EVAL)
	$(BIN)/python corpus/meetings/articles.py --split dev --split test --out $(EVAL)
	$(BIN)/arnews extract $(EVAL)/dev.jsonl --out $(EVAL)/dev --show 0 --quiet --allow-errors
	$(BIN)/arnews extract $(EVAL)/test.jsonl --out $(EVAL)/test --show 0 --quiet --allow-errors
	$(BIN)/arnews evaluate corpus/meetings/dev.json $(EVAL)/dev
	$(BIN)/arnews evaluate corpus/meetings/test.json $(EVAL)/test
