
namespace Grants.Domain.Applications.ReleasingPayments;

/// <summary>Lift a payment hold.</summary>
public sealed record ReleasePayments(ApplicationId ApplicationId, string Reason, DateOnly ReleasedOn) : IApplicationCommand;

public sealed record PaymentsReleased(ApplicationId ApplicationId, string Reason, DateOnly ReleasedOn) : IApplicationEvent
{
    public const string Name = "payments_released.v1";
}
