
namespace Grants.Domain.Applications.HoldingPayments;

/// <summary>Stop payments on the application (e.g. an audit query); no tranche is instructed or confirmed until released.</summary>
public sealed record HoldPayments(ApplicationId ApplicationId, string Reason, DateOnly HeldOn) : IApplicationCommand;

public sealed record PaymentsHeld(ApplicationId ApplicationId, string Reason, DateOnly HeldOn) : IApplicationEvent
{
    public const string Name = "payments_held.v1";
}
