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
