using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Grants.Projections.Finance.Instructions;
using Grants.Projections.Finance.Statements;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Collects what is known about a line while it is matched (reference, application, budget line) and
/// builds its plan, so every outcome carries the same context.</summary>
internal sealed class PlanBuilder(StatementLine line)
{
    private StatementReference? _reference;
    private ConsultedApplication? _application;
    private (BureauCode Bureau, int FiscalYear, MeasureId Measure)? _budgetLine;

    public StatementLine Line => line;

    public void About(StatementReference reference, ConsultedApplication application)
    {
        _reference = reference;
        _application = application;
    }

    public void OnLine(InstructionRow instruction) =>
        _budgetLine = (new BureauCode(instruction.PayingBureau), instruction.FiscalYear, new MeasureId(instruction.MeasureId));

    public void OnLine(LedgerKeys ledger) => _budgetLine = (ledger.PayingBureau, ledger.FiscalYear, ledger.Measure);

    /// <summary>A line that changes nothing but its own record: an item for an officer.</summary>
    public LinePlan Item(LineKind kind, string detail, Money? expected = null) => Build(kind, true, detail, expected, null, null);

    public LinePlan Item(LineKind kind, string detail, StatementReference reference)
    {
        _reference = reference;
        return Build(kind, true, detail, null, null, null);
    }

    /// <summary>A line the decider turned into an application event.</summary>
    public LinePlan Applied(LineKind kind, bool open, string detail, IDomainEvent @event, Money expected, Money? payable = null) =>
        Build(kind, open, detail, expected, @event, payable);

    private LinePlan Build(LineKind kind, bool open, string detail, Money? expected, IDomainEvent? @event, Money? payable)
    {
        var record = new StatementLineReconciled(line, kind, open, _reference?.Text, _reference?.Application, _budgetLine?.Bureau,
            _budgetLine?.FiscalYear, _budgetLine?.Measure, expected, detail);
        return new LinePlan(record, _application, @event, payable);
    }
}
