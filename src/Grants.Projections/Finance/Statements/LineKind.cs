namespace Grants.Projections.Finance.Statements;

/// <summary>What a statement line turned out to be. Every kind but <see cref="Confirmed"/> is a reconciliation item.</summary>
public enum LineKind
{
    /// <summary>Reference, amount and account match a pending instruction: the payment was confirmed.</summary>
    Confirmed,

    /// <summary>The reference names a pending instruction (or an open clawback) but the amount is not what is due.</summary>
    AmountMismatch,

    /// <summary>No instruction or clawback has the reference, or no reference could be found in the text.</summary>
    UnknownReference,

    /// <summary>The instruction was already paid or returned: one reference paid twice.</summary>
    DuplicatePayment,

    /// <summary>Amount right, but paid to another account than instructed.</summary>
    WrongAccount,

    /// <summary>A credit returning a paid tranche; recorded as payment_returned.v1.</summary>
    ReturnedPayment,

    /// <summary>A credit quoting a clawback; recorded as clawback_recovered.v1 (repaid).</summary>
    ClawbackRepayment,

    /// <summary>Reference and amount match, but the award's rules refuse it (on hold, credit-flagged, …).</summary>
    Refused,
}
