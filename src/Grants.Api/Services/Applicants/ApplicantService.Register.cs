using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Services.Catalog;
using Grants.Domain;
using Grants.Domain.Applicants.Registering;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

public sealed partial class ApplicantService
{
    public override Task<V1.RegisterEnterpriseResponse> RegisterEnterprise(V1.RegisterEnterpriseRequest request, ServerCallContext context) =>
        guard.Execute<V1.RegisterEnterpriseRequest, V1.RegisterEnterpriseResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var code = checks.CreditCode(request.UnifiedSocialCreditCode, "unified_social_credit_code");
            var name = checks.Name(request.Name, "name", MaxEnterpriseNameLength);
            var kind = checks.Enum(request.Kind, "kind");
            if (kind == V1.ApplicantKind.Person)
                checks.Add("kind", "an enterprise cannot have the kind PERSON; register persons with RegisterPerson");
            var district = District(checks, request.DistrictCode, "district_code");
            checks.ThrowIfInvalid();
            EnsureDistrict(context, district!.Value);

            var id = ApplicantIds.ForEnterprise(code!);
            var history = await applicants.Load(id, write.CancellationToken);
            var command = new RegisterEnterprise(id, code!.Value, name, kind.ToDomain()!.Value, district.Value, time.Today());
            return await applicants.Decide(history, command, write, a => new V1.RegisterEnterpriseResponse { Applicant = a });
        });

    /// <summary>The raw ID number is turned into its hash and mask before anything else happens and is never passed
    /// on: not to the guard (see <see cref="IdentityChecks.WithoutRawNumber"/>), the decider, the events or a log.</summary>
    public override Task<V1.RegisterPersonResponse> RegisterPerson(V1.RegisterPersonRequest request, ServerCallContext context) =>
        guard.Execute<V1.RegisterPersonRequest, V1.RegisterPersonResponse>(context, request.WithoutRawNumber(personalIdKey.Hasher), async write =>
        {
            var checks = new RequestChecks();
            var employerId = checks.Id(request.EmployerApplicantId, "employer_applicant_id");
            var name = checks.Name(request.FullName, "full_name", MaxPersonNameLength);
            var identity = checks.Identity(request, personalIdKey.Hasher);
            checks.ThrowIfInvalid();

            var ct = write.CancellationToken;
            var employer = await Registered(ApplicantId.From(employerId), ct, "employer applicant");
            if (employer.State.Kind == Domain.Catalog.ApplicantKind.Person)
                throw ApiError.WrongState($"applicant {employerId}", "the employer is a person, not an enterprise").ToRpcException();
            EnsureDistrict(context, employer.State.RegisteredDistrict);

            var id = ApplicantIds.ForPerson(employer.Id, identity!);
            var history = await applicants.Load(id, ct);
            var command = new RegisterPerson(id, identity!, name, employer.State.BeneficiaryKey, time.Today());
            return await applicants.Decide(history, command, write, a => new V1.RegisterPersonResponse { Applicant = a });
        });
}
