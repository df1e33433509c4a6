using System.Text;
using Grants.Api.Auth;
using Grants.Api.Idempotency;
using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;
using Grants.Domain.Applicants.Identity;
using Grpc.Core;

namespace Grants.Api.Tests.Applicants;

public sealed class RegisterPersonTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private ApplicantService.ApplicantServiceClient Portal => fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal);

    private async Task<string> Employer(string district = "SH-HP") =>
        (await Portal.RegisterEnterpriseAsync(TestIdentities.Enterprise(district: district))).Applicant.ApplicantId;

    [Fact]
    public async Task GivenAResidentId_WhenRegisteringAPerson_ThenOnlyTheMaskedFormComesBackAndNoTableHoldsTheNumber()
    {
        var employer = await Employer();
        var residentId = TestIdentities.ResidentId();
        var request = TestIdentities.Person(employer, residentId);

        var applicant = (await Portal.RegisterPersonAsync(request)).Applicant;

        Assert.Equal(ApplicantKind.Person, applicant.Kind);
        Assert.Equal(IdentityDocumentType.ResidentIdCard, applicant.Person.DocumentType);
        Assert.Equal($"{residentId[..4]}**********{residentId[^4..]}", applicant.Person.MaskedDocumentNumber);
        Assert.Equal(("CHN", employer), (applicant.Person.Nationality, applicant.Person.EmployerApplicantId));
        Assert.DoesNotContain(residentId, applicant.ToString(), StringComparison.Ordinal);

        await AssertStoredNowhere(residentId);
        // The guard remembers a hash of the payload; it must not be an unkeyed hash of the raw number.
        Assert.DoesNotContain(Convert.ToHexString(IdempotencyGuard.PayloadHash(request)), await StoredPayloadHashes());
    }

    [Fact]
    public async Task GivenARegisteredPerson_WhenRetried_ThenTheSameResponseWithoutWritingAndAnotherNumberUnderThatRequestIdIsRefused()
    {
        var request = TestIdentities.Person(await Employer(), TestIdentities.ResidentId());
        var first = await Portal.RegisterPersonAsync(request);
        var before = await fixture.WrittenSoFar();

        Assert.Equal(first, await Portal.RegisterPersonAsync(request));
        var otherNumber = request.Clone();
        otherNumber.ResidentIdNumber = TestIdentities.ResidentId();
        await RpcAssert.Refused(StatusCode.AlreadyExists, () => Portal.RegisterPersonAsync(otherNumber).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAPassport_WhenRegisteringAPerson_ThenItIsMaskedWithItsNationality()
    {
        var request = new RegisterPersonRequest
        {
            RequestId = RegistryFixture.NewRequestId(),
            EmployerApplicantId = await Employer(),
            FullName = "Tan Wei Ming",
            Passport = new Passport { Number = "K1234567Q", Nationality = "SGP" },
        };

        var person = (await Portal.RegisterPersonAsync(request)).Applicant.Person;

        Assert.Equal((IdentityDocumentType.Passport, "K******7Q", "SGP"), (person.DocumentType, person.MaskedDocumentNumber, person.Nationality));
        await AssertStoredNowhere("K1234567Q");
    }

    [Fact]
    public async Task GivenAWrongCheckDigit_WhenRegisteringAPerson_ThenInvalidArgumentNamesTheFieldAndNothingIsWritten()
    {
        var employer = await Employer();
        var before = await fixture.WrittenSoFar();
        var broken = TestIdentities.WithWrongCheck(TestIdentities.ResidentId(), "0123456789X");

        var fields = await RpcAssert.InvalidFields(() => Portal.RegisterPersonAsync(TestIdentities.Person(employer, broken)).ResponseAsync);

        Assert.Equal(["resident_id_number"], fields);
        Assert.Equal(before, await fixture.WrittenSoFar());
        await AssertStoredNowhere(broken);
    }

    [Fact]
    public async Task GivenBadIdentities_WhenRegistering_ThenEachNamesItsField()
    {
        var employer = await Employer();
        var noIdentity = new RegisterPersonRequest { RequestId = RegistryFixture.NewRequestId(), EmployerApplicantId = employer, FullName = "李娜" };
        var chinesePassport = noIdentity.Clone();
        chinesePassport.RequestId = RegistryFixture.NewRequestId();
        chinesePassport.Passport = new Passport { Number = "E12345678", Nationality = "CHN" };
        var badPassport = noIdentity.Clone();
        badPassport.RequestId = RegistryFixture.NewRequestId();
        badPassport.Passport = new Passport { Number = "AB", Nationality = "GBR" };

        Assert.Equal(["identity"], await RpcAssert.InvalidFields(() => Portal.RegisterPersonAsync(noIdentity).ResponseAsync));
        Assert.Equal(["passport.nationality"], await RpcAssert.InvalidFields(() => Portal.RegisterPersonAsync(chinesePassport).ResponseAsync));
        Assert.Equal(["passport.number"], await RpcAssert.InvalidFields(() => Portal.RegisterPersonAsync(badPassport).ResponseAsync));
    }

    [Fact]
    public async Task GivenAPersonNominated_WhenTheSameEmployerNominatesThemAgain_ThenAlreadyExistsButAnotherEmployerMay()
    {
        var employer = await Employer();
        var residentId = TestIdentities.ResidentId();
        var first = (await Portal.RegisterPersonAsync(TestIdentities.Person(employer, residentId))).Applicant;

        var error = await RpcAssert.Refused(StatusCode.AlreadyExists, () =>
            Portal.RegisterPersonAsync(TestIdentities.Person(employer, residentId)).ResponseAsync);
        Assert.Contains(first.ApplicantId, error.Status.Detail, StringComparison.Ordinal);

        var second = (await Portal.RegisterPersonAsync(TestIdentities.Person(await Employer(), residentId))).Applicant;
        Assert.NotEqual(first.ApplicantId, second.ApplicantId);
        Assert.Equal(first.Person.MaskedDocumentNumber, second.Person.MaskedDocumentNumber);
    }

    [Fact]
    public async Task GivenAnUnknownOrPersonEmployer_WhenNominating_ThenNotFoundOrFailedPrecondition()
    {
        await RpcAssert.Refused(StatusCode.NotFound, () =>
            Portal.RegisterPersonAsync(TestIdentities.Person("APL-FFFFFFFFFFFFFFFF", TestIdentities.ResidentId())).ResponseAsync);

        var person = (await Portal.RegisterPersonAsync(TestIdentities.Person(await Employer(), TestIdentities.ResidentId()))).Applicant;
        await RpcAssert.Precondition("STATE", () =>
            Portal.RegisterPersonAsync(TestIdentities.Person(person.ApplicantId, TestIdentities.ResidentId())).ResponseAsync);
    }

    [Fact]
    public async Task GivenAPudongPortal_WhenNominatingForAHuangpuEmployer_ThenPermissionDenied()
    {
        var employer = await Employer("SH-HP");
        var pudongPortal = fixture.Client<ApplicantService.ApplicantServiceClient>(RegistryFixture.PudongPortal);

        await RpcAssert.Refused(StatusCode.PermissionDenied, () =>
            pudongPortal.RegisterPersonAsync(TestIdentities.Person(employer, TestIdentities.ResidentId())).ResponseAsync);
    }

    /// <summary>Every row of every table in the grants schema, as text, and the stored responses' bytes.</summary>
    private async Task AssertStoredNowhere(string number)
    {
        await using var tables = fixture.Database.DataSource.CreateCommand(
            "select table_name from information_schema.tables where table_schema = 'grants' and table_type = 'BASE TABLE'");
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        }

        Assert.Contains("events", names);
        foreach (var table in names)
        {
            // Table names come from the catalog above, not from input; quote_ident keeps them exact.
            await using var scan = fixture.Database.DataSource.CreateCommand(
                $"select count(*) from grants.\"{table}\" t where strpos(row_to_json(t)::text, $1) > 0");
            scan.Parameters.Add(new Npgsql.NpgsqlParameter { Value = number });
            Assert.True((long)(await scan.ExecuteScalarAsync())! == 0, $"grants.{table} holds the raw number");
        }

        await using var responses = fixture.Database.DataSource.CreateCommand("select response from grants.idempotency");
        await using var rows = await responses.ExecuteReaderAsync();
        var raw = Encoding.UTF8.GetBytes(number);
        while (await rows.ReadAsync())
            Assert.True(rows.GetFieldValue<byte[]>(0).AsSpan().IndexOf(raw) < 0, "a stored response holds the raw number");
    }

    private async Task<IReadOnlyList<string>> StoredPayloadHashes()
    {
        await using var command = fixture.Database.DataSource.CreateCommand("select payload_sha256 from grants.idempotency");
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync())
            hashes.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(0)));
        return hashes;
    }
}
