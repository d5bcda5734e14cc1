#!/usr/bin/env bash
# The MPI build end to end (ctest registers it only with -DSALESFAB_MPI=ON):
#   mpi_test.sh same SALESFAB    mpirun -np 3 writes the files of one process, byte for byte
#                                (a sweep, a comparison, a run replicated until precise enough)
#   mpi_test.sh killed SALESFAB  a rank killed mid-run: the run fails, names the rank, writes no
#                                result file, keeps the finished variants' parts, and --resume
#                                then gives the files of one process
set -euo pipefail
mode=$1
salesfab=$2
sweep=tests/cli/data/staffing-sweep.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mpirun=(mpirun -np 3 --oversubscribe)

same_files() { # DIR_A DIR_B FILE...
  local a=$1 b=$2
  shift 2
  for f in "$@"; do
    if ! cmp "$a/$f" "$b/$f"; then
      echo "FAIL: $f differs between one process ($a) and mpirun -np 3 ($b)"
      exit 1
    fi
  done
}

case $mode in
same)
  "$salesfab" run "$sweep" --replications 8 --out "$tmp/one" --quiet >/dev/null
  "${mpirun[@]}" "$salesfab" run "$sweep" --replications 8 --threads 1 --out "$tmp/mpi" --quiet \
    >"$tmp/table"
  same_files "$tmp/one" "$tmp/mpi" summary.csv replications.csv timeseries.csv
  grep -q "Side by side" "$tmp/table" # rank 0 prints the table, once
  [ "$(grep -c "Side by side" "$tmp/table")" -eq 1 ]

  "$salesfab" compare "$sweep" --replications 6 --out "$tmp/c1" --quiet >/dev/null
  "${mpirun[@]}" "$salesfab" compare "$sweep" --replications 6 --threads 1 --out "$tmp/c3" \
    --quiet >/dev/null
  same_files "$tmp/c1" "$tmp/c3" summary.csv replications.csv timeseries.csv comparison.csv

  precision=(run scenarios/les/01-basis.yaml --precision 0.05 --max-replications 40 --quiet)
  "$salesfab" "${precision[@]}" --out "$tmp/p1" >/dev/null
  "${mpirun[@]}" "$salesfab" "${precision[@]}" --threads 1 --out "$tmp/p3" >/dev/null
  same_files "$tmp/p1" "$tmp/p3" summary.csv replications.csv timeseries.csv
  echo "mpirun -np 3: the same files as one process (run, compare, --precision)"
  ;;
killed)
  args=(run "$sweep" --replications 40 --threads 1 --out "$tmp/mpi" --quiet)
  "${mpirun[@]}" "$salesfab" "${args[@]}" >/dev/null 2>"$tmp/err" &
  job=$!
  # Kill rank 1 once the first variant is kept (its part written), so some work is done and some
  # is not.
  for _ in $(seq 1 600); do
    compgen -G "$tmp/mpi/.salesfab-parts/*.part" >/dev/null && break
    sleep 0.05
  done
  killed=""
  for pid in $(pgrep -f -- "$salesfab run $sweep --replications 40"); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx OMPI_COMM_WORLD_RANK=1; then
      kill -KILL "$pid"
      killed=$pid
    fi
  done
  [ -n "$killed" ] || { echo "FAIL: no rank 1 found to kill"; exit 1; }
  status=0
  wait "$job" || status=$?
  cat "$tmp/err"
  [ "$status" -ne 0 ] || { echo "FAIL: the run with a killed rank exited 0"; exit 1; }
  grep -q "rank 1" "$tmp/err" || { echo "FAIL: the message does not name the rank"; exit 1; }
  for f in summary.csv replications.csv timeseries.csv run.json; do
    [ ! -e "$tmp/mpi/$f" ] || { echo "FAIL: $f written by a failed run"; exit 1; }
  done
  compgen -G "$tmp/mpi/.salesfab-parts/*.part" >/dev/null ||
    { echo "FAIL: the finished variants' parts are gone"; exit 1; }
  "${mpirun[@]}" "$salesfab" "${args[@]}" --resume >/dev/null
  "$salesfab" run "$sweep" --replications 40 --out "$tmp/one" --quiet >/dev/null
  same_files "$tmp/one" "$tmp/mpi" summary.csv replications.csv timeseries.csv
  echo "a killed rank fails the run cleanly; --resume finishes it with the files of one process"
  ;;
*)
  echo "usage: mpi_test.sh same|killed SALESFAB" >&2
  exit 2
  ;;
esac
