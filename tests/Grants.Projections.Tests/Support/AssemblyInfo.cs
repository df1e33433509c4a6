// The concurrency tests measure races on one database each; running test classes side by side on two cores would only
// add noise and connections, not coverage.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
