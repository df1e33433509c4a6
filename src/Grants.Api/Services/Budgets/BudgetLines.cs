using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Services.Catalog;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Budgets;

/// <summary>The (bureau, fiscal year, measure) a budget request names, checked in the contract's order: fields,
/// then what exists, then the caller's reach.</summary>
public sealed record RequestedLine(string Bureau, int FiscalYear, string Measure);

public static class BudgetLines
{
    public static RequestedLine Line(this RequestChecks checks, string bureau, int fiscalYear, string measure) =>
        new(checks.Id(bureau, "bureau_code"), checks.Year(fiscalYear, "fiscal_year"), checks.MeasureId(measure));

    /// <summary>NOT_FOUND for an unknown bureau or measure, PERMISSION_DENIED outside the key's scope.</summary>
    public static (BudgetKey Key, Measure Measure) Resolve(this PolicyCatalog catalog, RequestedLine line, ServerCallContext context)
    {
        var measure = catalog.MeasureOrNotFound(line.Measure);
        var bureau = catalog.BureauOrNotFound(line.Bureau);
        CallerContext.Of(context).EnsureBureau(bureau.Code);
        return (new BudgetKey(bureau.Code, line.FiscalYear, measure.Id), measure);
    }

    /// <summary>The decider refuses this too, but as a field error; the contract calls it the measure's state.</summary>
    public static void EnsureMonetary(this Measure measure)
    {
        if (!measure.IsMonetary)
            throw ApiError.WrongState($"measure {measure.Id.Value}",
                $"{measure.Label} is non-monetary: no money is appropriated for it").ToRpcException();
    }

    /// <summary>The contract's reason is "the budget document or decision behind it": the domain keeps it as the
    /// reason and, in its first line (at most 200 characters), as the document reference.</summary>
    public static string DocumentReferenceOf(string reason)
    {
        var firstLine = reason.Split('\n', 2)[0].Trim();
        if (firstLine.Length <= Grants.Domain.Text.ShortMax)
            return firstLine;
        var cut = Grants.Domain.Text.ShortMax;
        if (char.IsHighSurrogate(firstLine[cut - 1]))
            cut--;
        return firstLine[..cut];
    }
}
