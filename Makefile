# Two commands: `make run` serves the product, `make test` runs every suite.
.PHONY: run test setup build bench clean

run:
	@scripts/setup.sh
	@scripts/run.sh

test:
	@scripts/setup.sh --browser
	@scripts/test.sh

setup:
	@scripts/setup.sh --browser

build:
	dotnet build Cpor.slnx -c Release

clean:
	scripts/pg.sh stop || true
	PGDEV_NAME=pg-test PGDEV_PORT=55433 scripts/pg.sh stop || true
	rm -rf .data */*/bin */*/obj
