#!/usr/bin/env bash
# The runtime settings the server is run, tested and benchmarked with; sourced by setup.sh (run.sh, test.sh),
# bench.sh and profile.sh. A deployment that starts the server another way sets the same (docker-compose.yml does).
#
# Socket completions stay on the thread pool, and this says so even when the caller's environment asks otherwise.
# Run inline on the socket engine's thread (=1) they were faster (approve-hot 1,021-1,279 tps against 862-1,042 in
# the seventh session), but then a statement cancelled by its token (a stopping daemon, a gRPC deadline passing
# mid-statement) could hold up the process's sockets for 15 s: Npgsql logs "Sending PostgreSQL cancellation" from the
# cancelling thread and the statement completes 15,018 ms later, as that cancel connection times out. About one
# stopped projection daemon in a hundred; ProjectionDaemonStopTests fails with =1 and passes with =0
# (docs/PERFORMANCE.md, fifteenth session).
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0

# Tier-up starts at once instead of 100 ms after the last tier-0 compilation. A rebuild's first seconds compile new
# code all the time, so by default it folds much of a million events in unoptimised code. Measured on one
# 1,000,670-event history, each run on a freshly started server, alternated: 78,082-106,723 events/s against
# 62,852-85,938 (faster in 5 of 6 pairs, +19 % on average), with a 6-9 MB higher peak (docs/AUDIT.md). It is a
# runtime knob marked unsupported, readable from the environment only; a deployment without it is just slower.
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
