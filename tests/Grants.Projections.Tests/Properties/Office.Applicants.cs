using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications.Submitting;
using Grants.EventStore;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.Properties;

internal sealed partial class Office
{
    private async Task<IReadOnlyList<StoredEvent>?> Submit(Step step)
    {
        var (applicant, person) = _applicants[step.Pick % _applicants.Length];
        var id = Filing.ApplicationNo((run * 1000) + _applications.Count + 1);
        return await Application(new SubmitApplication(id, applicant, person ? Lines.Art18 : Lines.Art1, Award(step, person), null, _today));
    }

    private async Task<IReadOnlyList<StoredEvent>?> Standing(Step step)
    {
        var (applicant, _) = _applicants[step.Pick % _applicants.Length];
        var filed = step.Kind == StepKind.Flag
            ? await desk.File(new FlagCredit(applicant, $"CR-{step.Pick}", "列入严重失信主体名单", _today))
            : await desk.File(new ClearCredit(applicant, $"CR-{step.Pick}", "信用修复", _today));
        return filed.Events;
    }
}
