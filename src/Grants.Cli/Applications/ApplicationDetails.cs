using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Applications;

/// <summary>The human-readable form of one application: facts first, then its tranches and clawbacks.</summary>
internal static class ApplicationDetails
{
    public static void Write(TextWriter writer, Application a)
    {
        var facts = new List<(string Label, string Value)>
        {
            ("Application", a.ApplicationId),
            ("Status", EnumNames.Of(a.Status)),
            ("Measure", a.MeasureId),
            ("Applicant", a.ApplicantId),
            ("Title", a.Title),
            ("Requested", a.HasRequestedAmountFen ? $"{Yuan.Format(a.RequestedAmountFen)} yuan" : Yuan.None),
        };
        if (a.TierCode.Length > 0)
            facts.Add(("Tier", a.TierCode));
        facts.Add(("Submitted", Dates.TimeOf(a.SubmittedAt)));
        facts.Add(("Updated", $"{Dates.TimeOf(a.UpdatedAt)} (version {a.Version})"));
        if (a.DecisionReason.Length > 0)
            facts.Add(("Reason", a.DecisionReason));
        if (a.Assessment is { } assessment)
            facts.Add(("Assessment", Assessment(assessment)));
        if (a.Award is { } award)
            facts.Add(("Award", Award(award)));
        facts.Add(("Paid", $"{Yuan.Format(a.PaidFen)} yuan"));
        if (a.Hold is { OnHold: true } hold)
            facts.Add(("Payments", $"ON HOLD: {hold.Reason} ({Officer(hold.Officer)})"));

        var width = facts.Max(f => f.Label.Length) + 2;
        foreach (var (label, value) in facts)
            writer.WriteLine(label.PadRight(width) + value);
        if (a.Description.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine(a.Description);
        }
        if (a.Tranches.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Tranches");
            Tranches(a.Tranches).Write(writer);
        }
        if (a.Clawbacks.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Clawbacks");
            Clawbacks(a.Clawbacks).Write(writer);
        }
    }

    private static string Assessment(Assessment s) =>
        $"score {s.Score} by {Officer(s.Assessor)}" +
        (s.HasRecommendedAmountFen ? $", recommends {Yuan.Format(s.RecommendedAmountFen)} yuan" : "") +
        (s.Conflict is { HasConflict: true } ? ", conflict declared" : "") +
        (s.Comment.Length > 0 ? $": {s.Comment}" : "");

    private static string Award(Award w) =>
        $"{Yuan.Format(w.CurrentAmountFen)} yuan" +
        (w.AmendmentCount > 0 ? $" (first {Yuan.Format(w.OriginalAmountFen)}, {w.AmendmentCount} amendment(s))" : "") +
        $", FY {w.FiscalYear}, paid by {w.PayingBureauCode}, approved {Dates.Of(w.ApprovedOn)} by " +
        string.Join(" and ", w.Approvers.Select(Officer));

    private static string Officer(Officer? o) => o is null ? Yuan.None : $"{o.Id} ({o.BureauCode})";

    private static Table Tranches(IEnumerable<Tranche> tranches)
    {
        var table = new Table(
            new Column("REFERENCE"), new Column("STATUS"), new Column("AMOUNT", Align.Right), new Column("OFFSET", Align.Right),
            new Column("RETURNED", Align.Right), new Column("INSTRUCTED"), new Column("PAID ON"), new Column("PAYEE"), new Column("ACCOUNT"));
        foreach (var t in tranches)
            table.Add(t.PaymentReference, EnumNames.Of(t.Status), Yuan.Format(t.AmountFen), Yuan.Format(t.OffsetFen),
                Yuan.Format(t.ReturnedFen), Dates.Of(t.InstructedOn), Dates.Of(t.PaidOn), t.PayeeName, t.PayeeAccountMasked);
        return table;
    }

    private static Table Clawbacks(IEnumerable<Clawback> clawbacks)
    {
        var table = new Table(
            new Column("CLAWBACK"), new Column("STATUS"), new Column("ORDERED", Align.Right), new Column("REPAID", Align.Right),
            new Column("OFFSET", Align.Right), new Column("WRITTEN OFF", Align.Right), new Column("OUTSTANDING", Align.Right),
            new Column("ORDERED ON"), new Column("REASON"));
        foreach (var c in clawbacks)
            table.Add(c.ClawbackId, EnumNames.Of(c.Status), Yuan.Format(c.OrderedFen), Yuan.Format(c.RepaidFen),
                Yuan.Format(c.OffsetFen), Yuan.Format(c.WrittenOffFen), Yuan.Format(c.OutstandingFen), Dates.Of(c.OrderedOn), c.Reason);
        return table;
    }
}
