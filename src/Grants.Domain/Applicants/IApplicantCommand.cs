
namespace Grants.Domain.Applicants;

/// <summary>A command on one applicant's stream.</summary>
public interface IApplicantCommand
{
    ApplicantId ApplicantId { get; }
}

/// <summary>An event of one applicant's stream.</summary>
public interface IApplicantEvent : IDomainEvent
{
    ApplicantId ApplicantId { get; }
}
