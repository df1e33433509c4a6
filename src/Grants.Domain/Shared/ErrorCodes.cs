namespace Grants.Domain;

/// <summary>Stable refusal codes. The API maps them to gRPC statuses (validation → INVALID_ARGUMENT, limits and
/// lifecycle → FAILED_PRECONDITION, not found → NOT_FOUND, exists → ALREADY_EXISTS); callers may branch on them.</summary>
public static class ErrorCodes
{
    // Not found / already there
    public const string ApplicationNotFound = "application_not_found";
    public const string ApplicationExists = "application_exists";
    public const string ApplicantNotFound = "applicant_not_found";
    public const string ApplicantExists = "applicant_exists";
    public const string BudgetNotFound = "budget_not_found";
    public const string UnknownMeasure = "unknown_measure";
    public const string UnknownTier = "unknown_tier";
    public const string UnknownTranche = "unknown_tranche";
    public const string UnknownClawback = "unknown_clawback";
    public const string ClawbackExists = "clawback_exists";

    // Validation of a command's fields
    public const string InvalidApplicationId = "invalid_application_id";
    public const string InvalidApplicantId = "invalid_applicant_id";
    public const string InvalidClawbackId = "invalid_clawback_id";
    public const string InvalidOfficialId = "invalid_official_id";
    public const string InvalidCreditCode = "invalid_credit_code";
    public const string InvalidResidentId = "invalid_resident_id";
    public const string InvalidPassport = "invalid_passport";
    public const string InvalidNationality = "invalid_nationality";
    public const string InvalidApplicantKind = "invalid_applicant_kind";
    public const string InvalidScore = "invalid_score";
    public const string InvalidBankAccount = "invalid_bank_account";
    public const string InvalidFiscalYear = "invalid_fiscal_year";
    public const string RequiredField = "required_field";
    public const string FieldTooLong = "field_too_long";
    public const string TierRequired = "tier_required";
    public const string AmountNotPositive = "amount_not_positive";
    public const string AmountNotAllowed = "amount_not_allowed";
    public const string NoChange = "no_change";

    // Lifecycle
    public const string InvalidStatus = "invalid_status";
    public const string DateBeforePreviousStep = "date_before_previous_step";
    public const string ApplicantMismatch = "applicant_mismatch";
    public const string AlreadyFlagged = "already_flagged";
    public const string NotFlagged = "not_flagged";
    public const string PaymentsOnHold = "payments_on_hold";
    public const string AlreadyOnHold = "already_on_hold";
    public const string NotOnHold = "not_on_hold";
    public const string TrancheOutOfSequence = "tranche_out_of_sequence";
    public const string TrancheNotInstructed = "tranche_not_instructed";
    public const string TrancheNotConfirmed = "tranche_not_confirmed";
    public const string ClawbackNotOpen = "clawback_not_open";
    public const string AwardNotSettled = "award_not_settled";

    // Eligibility, standing, separation of duties
    public const string ApplicantNotEligible = "applicant_not_eligible";
    public const string ApplicantCreditFlagged = "applicant_credit_flagged";
    public const string OutsideValidityWindow = "outside_validity_window";
    public const string AssessorConflictOfInterest = "assessor_conflict_of_interest";
    public const string ApproverIsAssessor = "approver_is_assessor";
    public const string BureauNotResponsible = "bureau_not_responsible";
    public const string PayingBureauNotResponsible = "paying_bureau_not_responsible";
    public const string SecondApproverMustDiffer = "second_approver_must_differ";
    public const string SecondApprovalDiffers = "second_approval_differs";
    public const string ClawbackByApprover = "clawback_by_approver";

    // Money limits (these carry a LimitBreach)
    public const string CapExceeded = "cap_exceeded";
    public const string BelowFloor = "below_floor";
    public const string CapNotConfigured = "cap_not_configured";
    public const string ExceedsAward = "exceeds_award";
    public const string AmendmentBelowDisbursed = "amendment_below_disbursed";
    public const string ClawbackExceedsPaid = "clawback_exceeds_paid";
    public const string ReturnBelowClawedBack = "return_below_clawed_back";
    public const string RecoveryExceedsOutstanding = "recovery_exceeds_outstanding";
    public const string AppropriationBelowZero = "appropriation_below_zero";

    // Offsetting a clawback against another disbursement
    public const string OffsetDisbursementMissing = "offset_disbursement_missing";
    public const string OffsetOtherBeneficiary = "offset_other_beneficiary";
    public const string OffsetDisbursementNotLater = "offset_disbursement_not_later";
    public const string OffsetExceedsDisbursement = "offset_exceeds_disbursement";

    // Ledger limits enforced by the database (named here so the projection and the API agree)
    public const string CumulativeCapExceeded = "cumulative_cap_exceeded";
    public const string AppropriationExceeded = "appropriation_exceeded";
}
