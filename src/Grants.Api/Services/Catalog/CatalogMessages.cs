using Google.Protobuf.WellKnownTypes;
using Grants.Domain.Catalog;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Catalog;

/// <summary>The catalog's records as the wire shows them.</summary>
public static class CatalogMessages
{
    public static V1.Policy ToMessage(this Policy policy) => new()
    {
        PolicyId = policy.Id.Value,
        DocumentNumber = policy.DocumentNumber,
        TitleZh = policy.TitleZh,
        TitleEn = policy.TitleEn,
        JurisdictionCode = policy.Jurisdiction.Value,
        InForceFrom = V1.Date.FromDateOnly(policy.InForceFrom),
        InForceTo = V1.Date.FromDateOnly(policy.InForceTo),
        MeasureCount = policy.Measures.Count,
    };

    public static V1.Bureau ToMessage(this Bureau bureau) => new()
    {
        BureauCode = bureau.Code.Value,
        NameZh = bureau.NameZh,
        ShortNameZh = bureau.ShortNameZh,
        NameEn = bureau.NameEn,
        JurisdictionCode = bureau.Jurisdiction.Value,
    };

    public static V1.Jurisdiction ToMessage(this Jurisdiction jurisdiction) => new()
    {
        JurisdictionCode = jurisdiction.Code.Value,
        NameZh = jurisdiction.NameZh,
        NameEn = jurisdiction.NameEn,
        ParentCode = jurisdiction.Parent?.Value ?? "",
    };

    /// <param name="today">The business day the effective cap is reported for.</param>
    /// <param name="configuredAt">When a configuration was recorded; null when unknown.</param>
    public static V1.Measure ToMessage(this Measure measure, PolicyCatalog catalog, DateOnly today,
                                       Func<CapConfiguration, DateTimeOffset?> configuredAt)
    {
        var message = new V1.Measure
        {
            MeasureId = measure.Id.Value,
            PolicyId = measure.Policy.Value,
            Article = measure.Article,
            TitleZh = measure.TitleZh,
            TitleEn = measure.TitleEn,
            Kind = measure.Kind.ToMessage(),
            ResponsibleBureauCodes = { measure.ResponsibleBureaus.Select(b => b.Value) },
            PayingBureauCode = measure.PayingBureau?.Value ?? "",
            EligibleApplicantKinds = { measure.EligibleApplicants.Select(k => k.ToMessage()) },
            SourceText = measure.SourceText,
        };
        // A non-monetary measure has no limits at all, rather than limits that happen to be empty.
        if (measure.IsMonetary)
            message.Limits = Limits(measure, catalog, today, configuredAt);
        return message;
    }

    private static V1.MeasureLimits Limits(Measure measure, PolicyCatalog catalog, DateOnly today,
                                           Func<CapConfiguration, DateTimeOffset?> configuredAt)
    {
        var limits = measure.Limits;
        var message = new V1.MeasureLimits
        {
            PerPerson = limits.PerPerson,
            CapScope = limits.Scope.ToMessage(),
            CapSetByBureauRule = limits.CapSetByBureauRule,
            Tiers = { limits.Tiers.Select(ToMessage) },
        };
        if (limits.Cap is { } cap)
            message.CapFen = cap.Fen;
        if (limits.Floor is { } floor)
            message.FloorFen = floor.Fen;
        if (catalog.EffectiveCap(measure, today) is { } effective)
            message.EffectiveCapFen = effective.Fen;
        if (catalog.CapConfigurations.TryGetValue(measure.Id, out var history) && history.Count > 0)
            message.ConfiguredCap = ToMessage(history[^1], configuredAt(history[^1]));
        return message;
    }

    private static V1.Tier ToMessage(Tier tier)
    {
        var message = new V1.Tier { Code = tier.Code, NameZh = tier.NameZh, NameEn = tier.NameEn, FloorFen = tier.Floor.Fen };
        if (tier.Cap is { } cap)
            message.CapFen = cap.Fen;
        return message;
    }

    private static V1.ConfiguredCap ToMessage(CapConfiguration configuration, DateTimeOffset? recordedAt) => new()
    {
        CapFen = configuration.Cap.Fen,
        BureauCode = configuration.Bureau.Value,
        RuleReference = configuration.RuleReference,
        ConfiguredAt = recordedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };
}
