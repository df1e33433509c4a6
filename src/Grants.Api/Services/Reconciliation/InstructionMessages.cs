using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Projections.Finance.Instructions;
using Date = Grants.Contracts.V1.Date;
using InstructionStatus = Grants.Contracts.V1.InstructionStatus;
using StoredStatus = Grants.Projections.Finance.Instructions.InstructionStatus;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Payment instructions on the wire. The full account goes only to finance keys, who send it to the treasury.</summary>
public static class InstructionMessages
{
    public static PaymentInstruction Of(InstructionRow row, bool fullAccount) => new()
    {
        Reference = row.Reference,
        ApplicationId = row.ApplicationId,
        TrancheNumber = row.TrancheNumber,
        PayeeName = row.PayeeName,
        PayeeAccount = fullAccount ? row.PayeeAccount : "",
        PayeeAccountMasked = Accounts.Mask(row.PayeeAccount),
        AmountFen = row.Amount.Fen,
        OffsetFen = row.Offset.Fen,
        PayableFen = row.Payable.Fen,
        PayingBureau = row.PayingBureau,
        FiscalYear = row.FiscalYear,
        MeasureId = row.MeasureId,
        Status = row.Status switch
        {
            StoredStatus.Pending => InstructionStatus.Pending,
            StoredStatus.Confirmed => InstructionStatus.Confirmed,
            _ => InstructionStatus.Returned,
        },
        InstructedOn = Date.FromDateOnly(row.InstructedOn),
        PaidOn = row.PaidOn is { } paid ? Date.FromDateOnly(paid) : null,
        TreasuryReference = row.TreasuryReference ?? "",
        ReturnedOn = row.ReturnedOn is { } returned ? Date.FromDateOnly(returned) : null,
        UpdatedAt = Timestamp.FromDateTimeOffset(row.UpdatedAt),
    };

    /// <summary>The stored status for a wire filter; null for UNSPECIFIED (any status).</summary>
    public static StoredStatus? Status(InstructionStatus status) => status switch
    {
        InstructionStatus.Pending => StoredStatus.Pending,
        InstructionStatus.Confirmed => StoredStatus.Confirmed,
        InstructionStatus.Returned => StoredStatus.Returned,
        _ => null,
    };
}
