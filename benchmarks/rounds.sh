#!/usr/bin/env bash
# Runs a JMH selection in rounds of one fork per parameter set, so that a drift of the machine
# falls on every stack alike, then prints each stack's time over raw H2's in the same round, per
# round, with their mean and a 95% interval. One fork's JIT can land 10% away from the next one's,
# so a ratio is only as good as the number of rounds behind it.
#
#   benchmarks/rounds.sh ROUNDS OUT-DIR JMH-ARGUMENTS...
#   benchmarks/rounds.sh 8 benchmarks/target/rounds PointSelectBenchmark -p driver=raw,claimguard \
#       -wi 3 -w 3s -i 5 -r 2s -prof gc -jvmArgsAppend "-Xms2g -Xmx2g"
#
# Needs the benchmarks jar (mvn -B -pl benchmarks -am package -DskipTests) and a `raw` driver
# among the parameters. Each round's JMH output and CSV stay in OUT-DIR.
set -euo pipefail

rounds=$1
out=$2
shift 2
mkdir -p "$out"
jar="$(dirname "$0")/target/benchmarks.jar"

for round in $(seq 1 "$rounds"); do
    java -Djmh.ignoreLock=true -jar "$jar" "$@" -f 1 -rf csv -rff "$out/round-$round.csv" > "$out/round-$round.log" 2>&1
    echo "round $round of $rounds done, load $(cut -d' ' -f1 /proc/loadavg)" >&2
done

awk -F, '
    FNR == 1 {
        for (i = 8; i <= NF; i++) {
            name = $i; gsub(/"|Param: /, "", name)
            if (name == "driver") driverColumn = i
        }
        round++
        next
    }
    {
        benchmark = $1; gsub(/"/, "", benchmark)
        secondary = index(benchmark, ":") ? substr(benchmark, index(benchmark, ":")) : ""
        sub(/:.*/, "", benchmark); sub(/.*\./, "", benchmark); benchmark = benchmark secondary
        unit = $7; gsub(/"/, "", unit)
        if (unit != "us/op" && unit != "ns/op" && unit != "ms/op" && benchmark !~ /alloc\.rate\.norm$/) next
        set = benchmark
        for (i = 8; i <= NF; i++) if (i != driverColumn) set = set " " $i
        driver = $driverColumn
        score[round, set, driver] = $5
        sets[set] = 1; drivers[driver] = 1
    }
    END {
        for (set in sets) {
            if (set ~ /alloc\.rate\.norm/) continue
            for (driver in drivers) {
                if (driver == "raw") continue
                n = 0; sum = 0; sumSquares = 0; line = ""; rawSum = 0; ownSum = 0
                for (r = 1; r <= round; r++) {
                    if (!((r, set, "raw") in score) || !((r, set, driver) in score)) continue
                    ratio = score[r, set, driver] / score[r, set, "raw"]
                    n++; sum += ratio; sumSquares += ratio * ratio
                    rawSum += score[r, set, "raw"]; ownSum += score[r, set, driver]
                    line = line sprintf(" %.2f", ratio)
                }
                if (n == 0) continue
                mean = sum / n
                spread = n > 1 ? 1.96 * sqrt((sumSquares - n * mean * mean) / (n - 1) / n) : 0
                allocation = set; sub(/^[^ ]*/, "&:gc.alloc.rate.norm", allocation)
                rawBytes = 0; ownBytes = 0
                for (r = 1; r <= round; r++) {
                    rawBytes += score[r, allocation, "raw"]; ownBytes += score[r, allocation, driver]
                }
                printf "%s %s: raw %.3f, %s %.3f, ratio %.3f +- %.3f over %d rounds (%s )", set, driver, rawSum / n,
                    driver, ownSum / n, mean, spread, n, line
                if (rawBytes > 0) printf ", B/op raw %.0f, %s %.0f", rawBytes / n, driver, ownBytes / n
                printf "\n"
            }
        }
    }
' "$out"/round-*.csv | sort
