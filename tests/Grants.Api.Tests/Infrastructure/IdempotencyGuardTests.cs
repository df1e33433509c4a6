using Grants.Api.Idempotency;
using Grants.Api.Storage;
using Grants.Contracts.V1;
using Grants.EventStore;
using Grants.Testing;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Tests.Infrastructure;

public sealed class IdempotencyGuardTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Method = "/grants.v1.ApplicantService/FlagCredit";

    public sealed record CreditFlagged(string ApplicantId, string Reason);

    private NpgsqlDataSource _db = null!;
    private PostgresEventStore _store = null!;
    private IdempotencyGuard _guard = null!;
    private int _workRuns;

    public async Task InitializeAsync()
    {
        _db = await database.CreateDatabase(ApiMigrations.All);
        _store = new PostgresEventStore(_db, new EventTypeRegistry().Register<CreditFlagged>("test_credit_flagged.v1"), [], TimeProvider.System);
        _guard = new IdempotencyGuard(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ServerCallContext Call(string caller = "registry", string method = Method) =>
        new TestCallContext(method, TestCallContext.Caller(caller, "credit_registry"));

    private static FlagCreditRequest Flag(string requestId, string applicant = "APL-1", string reason = "court ruling") =>
        new() { RequestId = requestId, ApplicantId = applicant, Reason = reason, CaseReference = "C-1" };

    /// <summary>What a service does: decide, build the response, append with the recording options.</summary>
    private Task<FlagCreditResponse> Execute(FlagCreditRequest request, ServerCallContext? context = null) =>
        _guard.Execute<FlagCreditRequest, FlagCreditResponse>(context ?? Call(), request, async write =>
        {
            Interlocked.Increment(ref _workRuns);
            var stream = $"applicant-{request.ApplicantId}";
            var version = await _store.StreamVersion(stream, write.CancellationToken);
            var response = new FlagCreditResponse { Applicant = new Applicant { ApplicantId = request.ApplicantId, Version = version + 1 } };
            await _store.Append([new StreamAppend(stream, "applicant", version, [new CreditFlagged(request.ApplicantId, request.Reason)])],
                write.Metadata, write.Recording(response), write.CancellationToken);
            return response;
        });

    private async Task<long> Count(string sql)
    {
        await using var command = _db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task GivenANewRequestId_WhenExecuted_ThenEventsAndIdempotencyRowAreCommittedTogether()
    {
        var response = await Execute(Flag("req-new"));

        Assert.Equal(1, response.Applicant.Version);
        Assert.Equal(1, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-1'"));
        Assert.Equal(1, await Count("select count(*) from grants.idempotency where request_id = 'req-new' and caller = 'registry'"));
        var stored = await _store.ReadStream("applicant-APL-1").SingleAsync();
        Assert.Equal("registry", stored.Metadata.Actor);
        Assert.Equal("req-new", stored.Metadata.RequestId);
    }

    [Fact]
    public async Task GivenACommittedRequest_WhenRetriedWithTheSamePayload_ThenTheStoredResponseReturnsAndNothingIsWritten()
    {
        var first = await Execute(Flag("req-retry", applicant: "APL-2"));

        // The work itself would append again (a flag is not idempotent by nature): its record refuses the commit.
        var second = await Execute(Flag("req-retry", applicant: "APL-2"));

        Assert.Equal(first, second);
        Assert.Equal(1, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-2'"));
        Assert.Equal(1, await Count("select count(*) from grants.idempotency where request_id = 'req-retry'"));
    }

    [Fact]
    public async Task GivenACommittedRequest_WhenTheSameIdComesWithAnotherPayload_ThenAlreadyExistsAndNothingIsWritten()
    {
        await Execute(Flag("req-clash", applicant: "APL-3"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Execute(Flag("req-clash", applicant: "APL-3", reason: "another reason")));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("req-clash", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("different payload", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-3'"));
    }

    [Fact]
    public async Task GivenACommittedRequest_WhenAnotherCallerReusesItsId_ThenAlreadyExists()
    {
        await Execute(Flag("req-other-caller", applicant: "APL-4"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Execute(Flag("req-other-caller", applicant: "APL-4"), Call(caller: "intruder")));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("another caller", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("非ASCII")]
    public async Task GivenAMalformedRequestId_WhenExecuted_ThenInvalidArgumentNamesRequestIdAndWorkNeverRuns(string requestId)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Execute(Flag(requestId)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal("request_id", Assert.Single(badRequest.FieldViolations).Field);
        Assert.Equal(0, _workRuns);
    }

    [Fact]
    public async Task GivenARequestIdLongerThan128Characters_WhenExecuted_ThenInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Execute(Flag(new string('r', 129))));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task GivenARefusedCommand_WhenRetriedWithTheSameId_ThenItRunsAgain()
    {
        var refusal = new RpcException(new Status(StatusCode.FailedPrecondition, "not yet"));
        await Assert.ThrowsAsync<RpcException>(() =>
            _guard.Execute<FlagCreditRequest, FlagCreditResponse>(Call(), Flag("req-refused", applicant: "APL-5"), _ => throw refusal));

        var response = await Execute(Flag("req-refused", applicant: "APL-5"));

        Assert.Equal(1, response.Applicant.Version);
        Assert.Equal(1, await Count("select count(*) from grants.idempotency where request_id = 'req-refused'"));
    }

    [Fact]
    public async Task GivenTheTransactionFailsAfterRecording_WhenExecuted_ThenNeitherEventsNorIdempotencyRowRemain()
    {
        await Assert.ThrowsAsync<PostgresException>(() =>
            _guard.Execute<FlagCreditRequest, FlagCreditResponse>(Call(), Flag("req-rolled-back", applicant: "APL-6"), async write =>
            {
                var recording = write.Recording(new FlagCreditResponse());
                // The record is a late write: fail with a late write queued after it, in the same round trip.
                var failingAfterIt = recording with
                {
                    LateWrite = (events, late) =>
                    {
                        recording.LateWrite!(events, late);
                        late.Add("select 1 / 0", [], (error, _, _, _) => Task.FromResult<Exception>(error));
                    },
                };
                await _store.Append([new StreamAppend("applicant-APL-6", "applicant", ExpectedVersion.NoStream, [new CreditFlagged("APL-6", "x")])],
                    write.Metadata, failingAfterIt, write.CancellationToken);
                return new FlagCreditResponse();
            }));

        Assert.Equal(0, await Count("select count(*) from grants.idempotency where request_id = 'req-rolled-back'"));
        Assert.Equal(0, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-6'"));
    }

    [Fact]
    public async Task GivenAnAppendThatKeepsLosingItsRace_WhenExecuted_ThenAbortedAfterBoundedRetriesAndNoRow()
    {
        await Execute(Flag("req-first-event", applicant: "APL-9"));
        var attempts = 0;

        // Expected version "no stream" on an existing stream: every attempt loses.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _guard.Execute<FlagCreditRequest, FlagCreditResponse>(Call(), Flag("req-lost-race", applicant: "APL-9"), async write =>
            {
                attempts++;
                await _store.Append([new StreamAppend("applicant-APL-9", "applicant", ExpectedVersion.NoStream, [new CreditFlagged("APL-9", "x")])],
                    write.Metadata, write.Recording(new FlagCreditResponse()), write.CancellationToken);
                return new FlagCreditResponse();
            }));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(Errors.DomainErrors.ConflictAttempts, attempts);
        Assert.Equal(0, await Count("select count(*) from grants.idempotency where request_id = 'req-lost-race'"));
        Assert.Equal(1, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-9'"));
    }

    [Fact]
    public async Task GivenAConflictThatClears_WhenExecuted_ThenTheGuardRetriesAndSucceeds()
    {
        var attempts = 0;

        var response = await _guard.Execute<FlagCreditRequest, FlagCreditResponse>(Call(), Flag("req-conflict-once"), _ =>
            ++attempts == 1
                ? throw new ConcurrencyException("applicant-APL-7", 1, 2)
                : Task.FromResult(new FlagCreditResponse { Applicant = new Applicant { ApplicantId = "APL-7" } }));

        Assert.Equal(2, attempts);
        Assert.Equal("APL-7", response.Applicant.ApplicantId);
    }

    [Fact]
    public async Task GivenEightConcurrentCallsWithOneRequestId_WhenExecuted_ThenOneAppendAndAllGetTheSameResponse()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Execute(Flag("req-burst", applicant: "APL-8")))));

        Assert.Equal(1, await Count("select count(*) from grants.events where stream_id = 'applicant-APL-8'"));
        Assert.All(responses, r => Assert.Equal(responses[0], r));
        Assert.Equal(1, responses[0].Applicant.Version);
    }

    [Fact]
    public async Task GivenARequestWithoutRequestId_WhenGuarded_ThenItIsAProgrammingError()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _guard.Execute<GetApplicantRequest, GetApplicantResponse>(Call(), new GetApplicantRequest(), _ => Task.FromResult(new GetApplicantResponse())));
    }

    [Fact]
    public void GivenTwoRequestsDifferingOnlyInRequestId_WhenHashed_ThenTheHashesAreEqual()
    {
        Assert.Equal(IdempotencyGuard.PayloadHash(Flag("a")), IdempotencyGuard.PayloadHash(Flag("b")));
        Assert.NotEqual(IdempotencyGuard.PayloadHash(Flag("a")), IdempotencyGuard.PayloadHash(Flag("a", reason: "other")));
    }
}
