using Bogus;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>A Bogus-generated month: a thousand-odd awards under HP-2024-3 art.1 (paid by HP-IPO) and art.3 (paid by
/// HP-STC), each instructed as a tranche, and the bank statement for April 2025 with every kind of exception seeded
/// at known places. <see cref="Expected"/> says what each statement line must turn out to be.</summary>
internal sealed class PaymentMonth
{
    public static readonly MeasureId Art1 = new("HP-2024-3/1");
    public static readonly MeasureId Art3 = new("HP-2024-3/3");
    public static readonly BureauCode Ipo = new("HP-IPO");
    public static readonly BureauCode Stc = new("HP-STC");

    private const int Applicants = 40;
    private readonly Faker _faker;
    private readonly Random _random;
    private readonly List<StatementLine> _lines = [];
    private int _transactions;

    private PaymentMonth(int awards, int seed)
    {
        _faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        _random = new Random(seed);
        Payments = [.. Enumerable.Range(1, awards).Select(NewPayment)];
    }

    public IReadOnlyList<SeededPayment> Payments { get; }

    /// <summary>Instructed and put on hold: an exact payment line is refused.</summary>
    public IEnumerable<SeededPayment> Held => Payments.Take(6);

    /// <summary>Confirmed paid while seeding; the statement brings the money back.</summary>
    public IEnumerable<SeededPayment> Returned => Payments.Skip(6).Take(6);

    /// <summary>Confirmed paid while seeding, then 40 % ordered back; the statement repays (the last one too much).</summary>
    public IEnumerable<SeededPayment> ClawedBack => Payments.Skip(12).Take(6);

    public IEnumerable<SeededPayment> Mismatched => Payments.Skip(18).Take(6);

    public IEnumerable<SeededPayment> MisDirected => Payments.Skip(24).Take(6);

    public IEnumerable<SeededPayment> PaidTwice => Payments.Skip(30).Take(6);

    /// <summary>Nothing on the statement: still pending afterwards.</summary>
    public IEnumerable<SeededPayment> Unpaid => Payments.Skip(36).Take(10);

    public IEnumerable<SeededPayment> Exact => Payments.Skip(46);

    public IReadOnlyList<StatementLine> Statement { get; private set; } = [];

    /// <summary>Expected kind by bank transaction id; for a reference paid twice, either line may be the one that
    /// confirms, so those are in <see cref="DuplicatePairs"/> instead.</summary>
    public Dictionary<string, ItemKind> Expected { get; } = [];

    public List<(string Reference, string First, string Second)> DuplicatePairs { get; } = [];

    public static Money ClawbackOf(SeededPayment p) => new(p.Amount.Fen * 4 / 10);

    /// <summary>What the statement repays on each clawback: half of it, all of it for the fifth, one yuan too much for the last.</summary>
    public static Money RepaymentOf(SeededPayment p, int index) => index switch
    {
        4 => ClawbackOf(p),
        5 => ClawbackOf(p) + Money.FromYuan(1),
        _ => new Money(ClawbackOf(p).Fen / 2),
    };

    public static PaymentMonth Generate(int awards, int seed)
    {
        var month = new PaymentMonth(awards, seed);
        month.WriteStatement();
        return month;
    }

    public async Task Seed(LedgerSeeder seeder)
    {
        await seeder.RegisterEnterprises(Applicants);
        await seeder.Appropriate(new BudgetKey(Ipo, 2025, Art1), Money.FromWan(50_000));
        await seeder.Appropriate(new BudgetKey(Stc, 2025, Art3), Money.FromWan(50_000));
        var held = Held.ToHashSet();
        var paid = Returned.Concat(ClawedBack).ToHashSet();
        var clawed = ClawedBack.ToHashSet();
        var roads = Payments.Select((p, i) => (Payment: p, Applicant: LedgerSeeder.Applicant(i % Applicants + 1)))
            .Select(x => seeder.Road(x.Payment.Application, x.Applicant,
                Road(x.Payment, x.Applicant, held.Contains(x.Payment), paid.Contains(x.Payment), clawed.Contains(x.Payment))))
            .ToList();
        await seeder.Append(roads);
    }

    private SeededPayment NewPayment(int n)
    {
        var id = ApplicationId.Format("HP", 2025, n);
        var bureau = n % 3 == 0 ? Stc : Ipo;
        return new SeededPayment(id, $"{id.Value}-T1", bureau.Value, _faker.Company.CompanyName(), Account(),
            new Money(_faker.Random.Long(5_000_000, 50_000_000)));
    }

    /// <summary>Every seventh award is paid in part, so committed money is left to instruct (outstanding).</summary>
    private static IEnumerable<IApplicationCommand> Road(SeededPayment p, ApplicantId applicant, bool hold, bool pay, bool clawBack)
    {
        var id = p.Application;
        var measure = p.Bureau == Stc.Value ? Art3 : Art1;
        var award = p.Application.Value.EndsWith('7') ? p.Amount + p.Amount : p.Amount;
        yield return new SubmitApplication(id, applicant, measure, award, null, new DateOnly(2025, 3, 3));
        yield return new ConfirmEligibility(id, null, new DateOnly(2025, 3, 4));
        yield return new AssessApplication(id, new OfficialId("assessor-1"), 80, award, new ConflictOfInterestDeclaration(false, null), new DateOnly(2025, 3, 5));
        yield return new ApproveAward(id, new OfficialId("approver-2"), Ipo, award, null, new DateOnly(2025, 3, 10));
        yield return new InstructTranche(id, 1, p.Amount, p.Payee, p.Account, new DateOnly(2025, 3, 20));
        if (hold)
            yield return new HoldPayments(id, "资料待核实", new DateOnly(2025, 3, 21));
        if (pay)
            yield return new ConfirmPayment(id, p.Reference, $"SEED-{id.Value}", new DateOnly(2025, 3, 25));
        if (clawBack)
            yield return new OrderClawback(id, new ClawbackId(p.ClawbackReference), new OfficialId("inspector-9"), "未按约定履行",
                ClawbackOf(p), new DateOnly(2025, 3, 28));
    }

    private void WriteStatement()
    {
        foreach (var p in Exact.Concat(Held))
            Add(p.Reference, p.Account, p.Amount, StatementDirection.Debit, Held.Contains(p) ? ItemKind.Refused : ItemKind.Confirmed);
        foreach (var p in Returned)
            Add(p.Reference, p.Account, p.Amount, StatementDirection.Credit, ItemKind.ReturnedPayment);
        foreach (var (p, i) in ClawedBack.Select((p, i) => (p, i)))
            Add($"追回款 {p.ClawbackReference}", p.Account, RepaymentOf(p, i), StatementDirection.Credit,
                i == 5 ? ItemKind.AmountMismatch : ItemKind.ClawbackRepayment);
        foreach (var p in Mismatched)
            Add(p.Reference, p.Account, p.Amount - Money.FromYuan(1), StatementDirection.Debit, ItemKind.AmountMismatch);
        foreach (var p in MisDirected)
            Add(p.Reference, Account(), p.Amount, StatementDirection.Debit, ItemKind.WrongAccount);
        foreach (var p in PaidTwice)
        {
            var first = Add(p.Reference, p.Account, p.Amount, StatementDirection.Debit, null);
            var second = Add(p.Reference, p.Account, p.Amount, StatementDirection.Debit, null);
            DuplicatePairs.Add((p.Reference, first, second));
        }
        foreach (var reference in new[] { "HP-2025-900001-T1", "HP-2025-900002-T1", "HP-2025-900003-T2", "BANK SERVICE FEE 2025-04" })
            Add(reference, Account(), new Money(_faker.Random.Long(100, 10_000_000)), StatementDirection.Debit, ItemKind.UnknownReference);
        foreach (var p in Exact.Take(2))
            Add($"{p.Application.Value}-T9", p.Account, p.Amount, StatementDirection.Debit, ItemKind.UnknownReference);

        Statement = Statements.NumberedAsInAFile(_lines.OrderBy(_ => _random.Next()));
    }

    private string Add(string reference, string account, Money amount, StatementDirection direction, ItemKind? expected)
    {
        var id = $"ICBC2025040{++_transactions:D8}";
        _lines.Add(Statements.Line(id, new DateOnly(2025, 4, 1 + _transactions % 28), reference, account, amount.Fen, direction));
        if (expected is { } kind)
            Expected[id] = kind;
        return id;
    }

    private string Account() => "6222" + _faker.Random.ReplaceNumbers("###############");
}
