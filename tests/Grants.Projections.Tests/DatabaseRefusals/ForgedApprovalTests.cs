using Grants.Domain;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.DatabaseRefusals;

/// <summary>Issue 3: the limits hold "inside the database transaction", so an award_approved that no decider checked
/// is still refused, with the rule it breaks named, and the refused append writes nothing.</summary>
public sealed class ForgedApprovalTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private LedgerDatabase _world = null!;

    public async Task InitializeAsync()
    {
        _world = await LedgerDatabase.Create(fixture);
        await _world.Desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(10_000_000));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_file_000_ends_2027_12_31_When_an_approval_dated_2028_01_05_is_appended_Then_outside_policy_window()
    {
        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(1, Lines.Art1, Lines.Yuan(300_000), new DateOnly(2028, 1, 5)));

        Assert.Equal(LedgerErrorCodes.OutsidePolicyWindow, error.Code);
        Assert.Equal("HP-2024-3 art.1 is in force from 2025-01-01 to 2027-12-31; approval dated 2028-01-05 is outside it", error.Message);
    }

    [Fact]
    public async Task Given_file_000_starts_2025_01_01_When_an_approval_dated_2024_12_31_is_appended_Then_outside_policy_window()
    {
        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(2, Lines.Art1, Lines.Yuan(300_000), new DateOnly(2024, 12, 31)));

        Assert.Equal(LedgerErrorCodes.OutsidePolicyWindow, error.Code);
    }

    [Fact]
    public async Task Given_art2_is_non_monetary_When_an_approval_of_100000_yuan_under_it_is_appended_Then_non_monetary_measure()
    {
        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(3, Lines.Art2, Lines.Yuan(100_000), Filing.ApprovedOn));

        Assert.Equal(LedgerErrorCodes.NonMonetaryMeasure, error.Code);
        Assert.Equal("HP-2024-3 art.2 is non-monetary: no amount may be awarded under it (requested 100,000.00 yuan)", error.Message);
    }

    [Fact]
    public async Task Given_10_million_yuan_appropriated_When_an_approval_of_12_million_is_appended_Then_appropriation_exceeded_with_the_headroom()
    {
        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(4, Lines.Art1, Lines.Yuan(12_000_000), Filing.ApprovedOn));

        Assert.Equal(LedgerErrorCodes.AppropriationExceeded, error.Code);
        Assert.Equal("HP-IPO FY2025 HP-2024-3 art.1 appropriation 10,000,000.00 yuan: already committed or paid 0.00, " +
                     "requested 12,000,000.00, headroom 10,000,000.00", error.Message);
    }

    [Fact]
    public async Task Given_no_appropriation_for_the_line_When_an_approval_is_appended_Then_appropriation_exceeded_with_zero_headroom()
    {
        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(5, Lines.Art1, Lines.Yuan(300_000), new DateOnly(2026, 2, 2)));

        Assert.Equal(LedgerErrorCodes.AppropriationExceeded, error.Code);
        Assert.EndsWith("headroom 0.00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_art18_caps_a_person_at_1_million_yuan_When_one_approval_of_1_100_000_is_appended_Then_cumulative_cap_exceeded()
    {
        await _world.Desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(5_000_000));
        var person = Parties.Person(9).Hmac;

        var error = await Forged.RefusedWithoutTrace(_world, Forged.Approval(6, Lines.Art18, Lines.Yuan(1_100_000), Filing.ApprovedOn,
            person, cumulativeCap: Lines.Yuan(1_000_000), perPerson: true));

        Assert.Equal(LedgerErrorCodes.CumulativeCapExceeded, error.Code);
        Assert.Equal("HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 0.00, requested 1,100,000.00, headroom 1,000,000.00",
            error.Message);
    }

    [Fact]
    public async Task Given_one_append_of_two_approvals_When_the_second_overspends_Then_neither_is_written()
    {
        var error = await Forged.RefusedWithoutTrace(_world,
            Forged.Approval(7, Lines.Art1, Lines.Yuan(6_000_000), Filing.ApprovedOn),
            Forged.Approval(8, Lines.Art1, Lines.Yuan(6_000_000), Filing.ApprovedOn));

        Assert.Equal(LedgerErrorCodes.AppropriationExceeded, error.Code);
        Assert.Contains("already committed or paid 6,000,000.00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_award_of_300000_yuan_When_a_payment_of_400000_is_confirmed_by_hand_Then_a_ledger_rule_refuses_it()
    {
        var approval = Forged.Approval(9, Lines.Art1, Lines.Yuan(300_000), Filing.ApprovedOn);
        await _world.Store.Append(new Grants.EventStore.StreamAppend(approval.ApplicationId.StreamId, StreamIds.ApplicationType, 0, [approval]),
            new Grants.EventStore.EventMetadata("test:forger", "approve-9"));

        var error = await Forged.RefusedWithoutTrace(_world, new PaymentConfirmed(approval.ApplicationId, "HP-2025-000009-T1", 1,
            Lines.Yuan(400_000), "TR-1", Filing.ApprovedOn.AddDays(3), approval.Ledger));

        Assert.Equal(LedgerErrorCodes.LedgerConstraint, error.Code);
    }
}
