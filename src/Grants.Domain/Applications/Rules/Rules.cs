using System.Globalization;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

/// <summary>Checks shared by several decisions. Each returns null when the rule holds.</summary>
internal static class Rules
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DomainError? Status(Subject s, string action, params ApplicationStatus[] allowed) =>
        allowed.Contains(s.State.Status)
            ? null
            : new DomainError(ErrorCodes.InvalidStatus, $"cannot {action}: application {s.Id} is {s.State.Status}");

    /// <summary>Nothing is approved or paid under a policy outside its validity window (file 000: 2025-01-01 to 2027-12-31).</summary>
    public static DomainError? InForce(Policy policy, DateOnly date, string field) =>
        policy.IsInForceOn(date)
            ? null
            : new DomainError(ErrorCodes.OutsideValidityWindow,
                $"{policy.Id} ({policy.DocumentNumber}) is in force from {Iso(policy.InForceFrom)} to {Iso(policy.InForceTo)}; " +
                $"{field} {Iso(date)} is outside it", field);

    public static DomainError? NotBefore(DateOnly date, DateOnly previous, string field, string previousStep) =>
        date >= previous
            ? null
            : new DomainError(ErrorCodes.DateBeforePreviousStep, $"{field} {Iso(date)} is before the {previousStep} on {Iso(previous)}", field);

    public static DomainError? Eligible(Measure measure, ApplicantKind kind) =>
        measure.EligibleApplicants.Contains(kind)
            ? null
            : new DomainError(ErrorCodes.ApplicantNotEligible, $"{LimitNames.Article(measure.Id)} is not open to applicants of kind {kind}");

    public static DomainError? NotFlagged(Subject s) =>
        s.Context.Applicant.Flag is { } flag
            ? new DomainError(ErrorCodes.ApplicantCreditFlagged,
                $"applicant {s.State.ApplicantId} is listed as 严重违法失信 ({flag.RegistryReference}, since {Iso(flag.FlaggedOn)})")
            : null;

    public static DomainError? Responsible(Measure measure, BureauCode bureau, string field) =>
        measure.ResponsibleBureaus.Contains(bureau)
            ? null
            : new DomainError(field == "paying_bureau" ? ErrorCodes.PayingBureauNotResponsible : ErrorCodes.BureauNotResponsible,
                $"{bureau} is not a responsible bureau of {LimitNames.Article(measure.Id)} " +
                $"({string.Join(", ", measure.ResponsibleBureaus.Select(b => b.Value))})", field);

    public static DomainError? Official(OfficialId? official, string field) =>
        official is not null && official.IsWellFormed
            ? null
            : DomainError.Invalid(ErrorCodes.InvalidOfficialId, field, $"{field} must be 1-64 letters, digits or ._:@-");

    public static DomainError? Positive(Money amount, string field) =>
        amount.IsPositive ? null : DomainError.Invalid(ErrorCodes.AmountNotPositive, field, $"{field} must be more than zero");
}
