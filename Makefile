# Two commands: `make run` serves the product, `make test` runs every suite (`make bench` measures the import).
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

# The directory import at scale (docs/benchmarks.md): 1M usage rows into a throwaway database on the test cluster.
bench:
	@pg_isready -q -h 127.0.0.1 -p $${PGDEV_TEST_PORT:-55433} 2>/dev/null || PGDEV_NAME=pg-test PGDEV_PORT=$${PGDEV_TEST_PORT:-55433} PGDEV_FAST=1 scripts/pg.sh start
	CPOR_BENCH_PG="$${CPOR_BENCH_PG:-Host=127.0.0.1;Port=$${PGDEV_TEST_PORT:-55433};Username=postgres;Password=postgres}" \
	  dotnet run -c Release --project bench/Cpor.Bench -- --rows 1000000

clean:
	scripts/pg.sh stop || true
	PGDEV_NAME=pg-test PGDEV_PORT=55433 scripts/pg.sh stop || true
	rm -rf .data */*/bin */*/obj
