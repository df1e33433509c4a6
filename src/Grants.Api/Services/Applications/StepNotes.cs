using Grants.Contracts.V1;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>Step notes to and from the wire's <see cref="Officer"/>.</summary>
public static class StepNotes
{
    public static StepNote By(Officer officer, string? comment = null) => StepNote.By(officer.Id, officer.BureauCode, comment);

    public static Officer? OfficerOf(this StepNote note) =>
        note.OfficerId is null ? null : new Officer { Id = note.OfficerId, BureauCode = note.OfficerBureau ?? "" };
}
