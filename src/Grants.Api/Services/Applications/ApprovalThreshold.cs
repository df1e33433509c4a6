using Grants.Domain;
using Grants.Domain.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>The award size from which two distinct approvers are needed: "Grants:DualApprovalThresholdFen" in
/// configuration, else 1000万 yuan. A malformed setting fails the call loudly rather than silently approving alone.</summary>
public static class ApprovalThreshold
{
    public const string Setting = "Grants:DualApprovalThresholdFen";

    public static Money From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrEmpty(configured))
            return ApplicationContext.DefaultDualApprovalThreshold;
        return long.TryParse(configured, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fen) && fen > 0
            ? new Money(fen)
            : throw new InvalidOperationException($"{Setting} must be a positive whole number of fen, not '{configured}'.");
    }
}
