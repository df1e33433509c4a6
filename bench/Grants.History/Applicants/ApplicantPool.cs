using Bogus;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.History.Writing;

namespace Grants.History.Applicants;

/// <summary>One writer's applicants: registers new enterprises through the applicant decider and offers registered
/// ones again for later applications (a firm applies under several measures over the years).</summary>
public sealed class ApplicantPool(Appender appender, int writer)
{
    private readonly Dictionary<ApplicantKind, List<Applicant>> _shared = [];
    private readonly HashSet<string> _codes = [];
    private readonly Lock _lock = new();

    public int Registered { get; private set; }

    /// <summary>A registered enterprise of one of <paramref name="kinds"/>, or null when there is none yet.</summary>
    public Applicant? Reuse(Faker f, IReadOnlyList<ApplicantKind> kinds)
    {
        lock (_lock)
        {
            var candidates = kinds.Where(_shared.ContainsKey).Select(k => _shared[k]).Where(l => l.Count > 0).ToList();
            return candidates.Count == 0 ? null : f.PickRandom(f.PickRandom(candidates));
        }
    }

    /// <param name="shared">False for an applicant its one application will flag: nobody else may decide on it.</param>
    public async Task<Applicant> Register(Faker f, ApplicantKind kind, DateOnly on, bool shared, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var enterprise = Fresh(f, kind);
            var command = new RegisterEnterprise(enterprise.ApplicantId, enterprise.CreditCode, enterprise.Name, kind,
                enterprise.District.Value, on);
            var result = ApplicantDecider.Decide(command, ApplicantState.Initial);
            if (result is Result.Fail fail)
                throw new InvalidOperationException($"the applicant decider refused a generated enterprise: {fail.Error.Message}");
            var stream = StreamIds.Applicant(enterprise.ApplicantId);
            try
            {
                var appended = await appender.Append(
                    [new StreamAppend(stream, StreamIds.ApplicantType, ExpectedVersion.NoStream, [.. result.EventsOrEmpty])], null, ct);
                var applicant = new Applicant(enterprise, ApplicantDecider.Fold(result.EventsOrEmpty), appended.StreamVersions[stream]);
                lock (_lock)
                {
                    Registered++;
                    if (shared)
                        (_shared.TryGetValue(kind, out var list) ? list : _shared[kind] = []).Add(applicant);
                }
                return applicant;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // the code was registered before (by the server or an earlier run): draw another
            }
        }
    }

    private Enterprise Fresh(Faker f, ApplicantKind kind)
    {
        while (true)
        {
            var enterprise = Enterprise.Make(f, kind, writer);
            lock (_lock)
            {
                if (_codes.Add(enterprise.CreditCode))
                    return enterprise;
            }
        }
    }
}
