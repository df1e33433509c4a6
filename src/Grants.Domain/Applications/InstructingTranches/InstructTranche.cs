using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.InstructingTranches;

/// <summary>Instruct the treasury to pay one tranche of the award. Tranches are numbered 1, 2, 3… in order; the
/// payment reference is "{ApplicationId}-T{n}", unique because numbers never repeat within an application.</summary>
public sealed record InstructTranche(
    ApplicationId ApplicationId,
    int TrancheNumber,
    Money Amount,
    string PayeeName,
    string PayeeBankAccount,
    DateOnly InstructedOn) : IApplicationCommand;

/// <summary>Ledgers: nothing moves; the amount stays committed until the payment is confirmed.</summary>
public sealed record TrancheInstructed(
    ApplicationId ApplicationId,
    int TrancheNumber,
    string Reference,
    Money Amount,
    string PayeeName,
    string PayeeBankAccount,
    DateOnly InstructedOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "tranche_instructed.v1";

    public static string ReferenceFor(ApplicationId application, int trancheNumber) =>
        $"{application.Value}-T{trancheNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
