using Grants.Api.Auth;
using Grants.Domain.Applications;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Applications;

/// <summary>Which keys may see and act on an application: those that reach a bureau responsible for its measure, or
/// the bureau that pays its award.</summary>
public static class ApplicationScope
{
    public static IEnumerable<BureauCode> BureausOf(PolicyCatalog catalog, ApplicationState state)
    {
        var responsible = state.MeasureId is { } id && catalog.FindMeasure(id) is { } measure ? measure.ResponsibleBureaus : [];
        return PayingBureau(state) is { } paying ? responsible.Append(paying) : responsible;
    }

    public static BureauCode? PayingBureau(ApplicationState state) =>
        state.Award?.Ledger.PayingBureau ?? state.PendingApproval?.PayingBureau;

    /// <summary>PERMISSION_DENIED unless the key reaches one of the application's bureaus. An application that does
    /// not exist passes, so the decider can answer NOT_FOUND.</summary>
    public static void EnsureCanReach(CallerContext caller, PolicyCatalog catalog, ApplicationState state)
    {
        if (state.Exists && state.Id is { } id)
            EnsureAny(caller, BureausOf(catalog, state), $"application {id.Value}");
    }

    public static void EnsureAny(CallerContext caller, IEnumerable<BureauCode> bureaus, string what)
    {
        var list = bureaus.ToList();
        if (!list.Any(caller.CanReach))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"API key '{caller.Name}' is not scoped for any bureau of {what} ({string.Join(", ", list.Select(b => b.Value))})."));
    }

    /// <summary>Once approved, money moves for the paying bureau; before that, the key needs any bureau of the application.</summary>
    public static void EnsurePayingBureau(CallerContext caller, PolicyCatalog catalog, ApplicationState state)
    {
        if (PayingBureau(state) is { } paying)
            caller.EnsureBureau(paying);
        else
            EnsureCanReach(caller, catalog, state);
    }

    /// <summary>An officer acts for a bureau in the key's scope, and for an eligibility decision or assessment that
    /// bureau must be responsible for the measure.</summary>
    public static void EnsureResponsibleOfficer(CallerContext caller, PolicyCatalog catalog, ApplicationState state, BureauCode officerBureau)
    {
        caller.EnsureBureau(officerBureau);
        if (state.MeasureId is { } id && catalog.FindMeasure(id) is { } measure && !measure.ResponsibleBureaus.Contains(officerBureau))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"bureau '{officerBureau.Value}' is not responsible for {measure.Label} " +
                $"({string.Join(", ", measure.ResponsibleBureaus.Select(b => b.Value))})."));
    }
}
