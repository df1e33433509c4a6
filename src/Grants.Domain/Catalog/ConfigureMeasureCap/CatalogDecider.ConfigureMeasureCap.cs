namespace Grants.Domain.Catalog;

public static partial class CatalogDecider
{
    /// <summary>Accepts a configured cap only for a "cap set by bureau rule" measure, from one of its responsible
    /// bureaus, positive, not below the measure's floor, citing a rule, and starting before the policy ends.
    /// Configuring again is accepted and makes a further event: the history of caps is the audit trail.</summary>
    public static CatalogDecision Decide(ConfigureMeasureCap command, PolicyCatalog current)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(current);

        if (current.FindMeasure(command.Measure) is not { } measure)
        {
            return CatalogDecision.Refuse("measure_not_found", $"No measure {command.Measure} in the catalog.");
        }

        var label = measure.Label;
        if (!measure.IsMonetary)
        {
            return CatalogDecision.Refuse(
                "measure_not_monetary", $"{label} is non-monetary: it accepts no amount, so no cap either.");
        }

        if (!measure.Limits.CapSetByBureauRule)
        {
            var fixedCap = measure.Limits.Cap is { } cap ? $"its cap {cap.ToYuanString()} yuan is fixed by the text" : "the text sets its limits";
            return CatalogDecision.Refuse("cap_not_set_by_bureau_rule", $"{label}: {fixedCap}; only bureau-rule measures take a configured cap.");
        }

        if (!measure.ResponsibleBureaus.Contains(command.Bureau))
        {
            return CatalogDecision.Refuse(
                "bureau_not_responsible",
                $"{label}: bureau {command.Bureau} is not responsible for this measure (responsible: {string.Join(", ", measure.ResponsibleBureaus)}).");
        }

        if (!command.Cap.IsPositive)
        {
            return CatalogDecision.Refuse("cap_not_positive", $"{label}: a cap must be positive, got {command.Cap.ToYuanString()} yuan.");
        }

        if (measure.Limits.Floor is { } floor && command.Cap < floor)
        {
            return CatalogDecision.Refuse(
                "cap_below_floor", $"{label}: cap {command.Cap.ToYuanString()} yuan is below the measure floor {floor.ToYuanString()} yuan.");
        }

        if (string.IsNullOrWhiteSpace(command.RuleReference))
        {
            return CatalogDecision.Refuse(
                "rule_reference_missing", $"{label}: cite the bureau rule (e.g. its 实施细则 number) that sets the cap.");
        }

        var policy = current.FindPolicy(measure.Policy)!;
        if (command.EffectiveFrom > policy.InForceTo)
        {
            return CatalogDecision.Refuse(
                "effective_after_policy_end",
                $"{label}: effective from {command.EffectiveFrom:yyyy-MM-dd}, after the policy ends on {policy.InForceTo:yyyy-MM-dd}.");
        }

        return CatalogDecision.Accept(new MeasureCapConfigured(
            measure.Id, command.Cap, command.Bureau, command.RuleReference.Trim(), command.EffectiveFrom));
    }
}
