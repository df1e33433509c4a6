namespace Grants.Projections.Ledgers;

/// <summary>Stable codes of refusals made by the ledgers (the database side of the limits).</summary>
public static class LedgerErrorCodes
{
    public const string AppropriationExceeded = "appropriation_exceeded";
    public const string CumulativeCapExceeded = "cumulative_cap_exceeded";
    public const string ApplicantFlagged = "applicant_credit_flagged";
    public const string OutsidePolicyWindow = "outside_policy_window";
    public const string NonMonetaryMeasure = "non_monetary_measure";
    public const string LedgerConstraint = "ledger_constraint";
}
