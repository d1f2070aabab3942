# wait_for, the one way masa's tests wait: for a condition, with a bound,
# never for a fixed time (docs/testing.md). tests/cli/lib.sh and
# tests/browser/run.sh source it.

# wait_for SECONDS CMD...: runs CMD until it succeeds (returns 0), looking
# again every 0.1 s; after SECONDS in vain, prints a TAP comment naming
# what it waited for and returns 1, and the caller's assertion fails.
wait_for() {
	local limit=$1 deadline
	shift
	deadline=$((SECONDS + limit))
	until "$@"; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "# waited ${limit} s in vain for: $*"
			return 1
		fi
		sleep 0.1
	done
}

# process_gone PID: the process PID has ended (a condition for wait_for).
process_gone() {
	! kill -0 "$1" 2>/dev/null
}

# listening_on PORT: something accepts connections on 127.0.0.1:PORT.
listening_on() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
