using Grants.Domain;

namespace Grants.History.Lifecycle;

/// <summary>A decider refused a step the history planned: the plan broke a rule, so the generator has a bug.</summary>
public sealed class HistoryRefusedException(ApplicationId application, string command, string reason)
    : Exception($"{command} on {application}: {reason}");
