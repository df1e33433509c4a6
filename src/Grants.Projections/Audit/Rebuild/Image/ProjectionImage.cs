using System.Runtime.CompilerServices;
using Grants.Domain;
using Grants.Domain.Ledgers;
using Grants.Projections.Audit.Rebuild.Feed;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>Every projection table rebuilt in memory from the events, row for row what the inline projections
/// (ledgers, applications and notes, finance) write for the same events, in the same order. An event they would
/// refuse throws here too and leaves the image as it stood before it. The domain's reference ledgers are folded
/// alongside, from the same events.</summary>
internal sealed partial class ProjectionImage
{
    private readonly Journal _journal = new();
    private readonly SharedText _text = new();
    private readonly CatalogMeasures _catalog;
    private readonly Standing _standing;
    private readonly BudgetLedgers _budgets;
    private readonly BeneficiaryLedgers _beneficiaries;
    private readonly Awards _awards;
    private readonly Applications _applications;
    private readonly Tranches _tranches;
    private readonly Notes _notes;
    private readonly FinanceInstructions _instructions;
    private readonly FinanceClawbacks _clawbacks;
    private readonly StatementLines _lines;

    public ProjectionImage()
    {
        _catalog = new CatalogMeasures(_journal);
        _standing = new Standing(_journal, _text);
        _budgets = new BudgetLedgers(_journal);
        _beneficiaries = new BeneficiaryLedgers(_journal, _text);
        _awards = new Awards(_journal, _catalog, _text);
        _applications = new Applications(_journal, _text);
        _tranches = new Tranches(_journal, _text);
        _notes = new Notes(_journal);
        _instructions = new FinanceInstructions(_journal, _text);
        _clawbacks = new FinanceClawbacks(_journal);
        _lines = new StatementLines(_journal);
        _reference = new ReferenceBook(_text);
        Tables = [_budgets, _beneficiaries, _awards, _standing, _catalog, _applications, _tranches, _instructions, _clawbacks, _lines];
    }

    /// <summary>The tables held in memory until the end; application notes are streamed instead (<see cref="StreamNotesTo"/>).</summary>
    public IReadOnlyList<IImageTable> Tables { get; }

    /// <summary>Sizes each table for the rows the live one holds (by name; estimates), before the fold starts.</summary>
    public void Reserve(IReadOnlyDictionary<string, long> rows)
    {
        foreach (var table in Tables)
        {
            if (rows.TryGetValue(table.Name, out var count))
                table.Reserve(count);
        }
        if (rows.TryGetValue(_applications.Name, out var applications))
            _notes.Reserve(applications);
    }

    public void StreamNotesTo(ShadowCopy sink) => _notes.StreamTo(sink);

    /// <summary>Completes once the notes streamed so far are no longer too far ahead of PostgreSQL.</summary>
    public Task NotesPaced() => _notes.Paced();

    /// <summary>Lets go of every row, shared text and filed note once the shadow holds them (read <see cref="Book"/>
    /// first): the comparison that follows must not have the image on top of its own memory.</summary>
    public void Release()
    {
        foreach (var table in Tables)
            table.Release();
        _text.Release();
        _notes.Release();
        _reference.Release();
    }

    private readonly ReferenceBook _reference;

    public LedgerBook Book => _reference.Book;

    /// <summary>Folds one event as one append transaction would: all of it or, when refused, none of it.</summary>
    /// <exception cref="Ledgers.LedgerRefusedException">A ledger rule refuses the event.</exception>
    /// <exception cref="ImageRefusedException">A constraint of the tables refuses it.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(in ReplayedEvent stored)
    {
        _journal.Begin(stored.EventType);
        try
        {
            Ledgers(stored);
            if (stored.Data is Grants.Domain.Applications.IApplicationEvent application)
                Application(stored, application.ApplicationId.Value);
            _notes.File(stored);
            Finance(stored);
        }
        catch (OverflowException)
        {
            _journal.Rollback();
            throw new ImageRefusedException("22003: bigint out of range");
        }
        catch
        {
            _journal.Rollback();
            throw;
        }
        _journal.Commit();
        if (stored.Data is IDomainEvent e)
            _reference.Apply(e);
    }
}
