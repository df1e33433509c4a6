#!/usr/bin/env bash
# The runtime settings the server is run, tested and benchmarked with; sourced by setup.sh (run.sh, test.sh),
# bench.sh and profile.sh. A deployment that starts the server another way sets the same (docker-compose.yml does).
#
# Socket completions run on the socket engine's own thread instead of being handed to the thread pool: a group-commit
# writer's next round trip, and each HTTP/2 read, no longer waits for a pool thread to wake. Measured with
# profile.sh, same build, on and off in turn: approve-hot 1,021-1,279 tps against 862-1,042, approve-spread
# 1,202-1,217 against 1,114-1,176, with less server CPU per approval (docs/PERFORMANCE.md). The runtime reads it
# from the environment only. Whatever continues on that thread must not block: the group committer completes its
# callers asynchronously, and the rebuild's shadow COPY never blocks its encoder (CopySender; blocking there
# deadlocked the first time this was on). The test suite runs with it too.
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS="${DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS:-1}"

# Tier-up starts at once instead of 100 ms after the last tier-0 compilation. A rebuild's first seconds compile new
# code all the time, so by default it folds much of a million events in unoptimised code. Measured on one
# 1,000,670-event history, each run on a freshly started server, alternated: 78,082-106,723 events/s against
# 62,852-85,938 (faster in 5 of 6 pairs, +19 % on average), with a 6-9 MB higher peak (docs/AUDIT.md). It is a
# runtime knob marked unsupported, readable from the environment only; a deployment without it is just slower.
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
