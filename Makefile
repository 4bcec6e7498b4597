# The two commands (see README.md):
#   make demo   install, migrate, import the public datasets, create a demo admin, serve on :8000
#   make test   install what the tests need (Debian's chromium included), lint, test on SQLite and PostgreSQL
.PHONY: demo test lint bench
demo:
	bash scripts/demo
test:
	bash scripts/test
lint:
	bash scripts/lint
bench:
	bash scripts/bench
