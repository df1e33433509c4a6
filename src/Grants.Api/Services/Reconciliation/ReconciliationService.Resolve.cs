using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Finance.Statements;
using Grpc.Core;
using LineKind = Grants.Projections.Finance.Statements.LineKind;

namespace Grants.Api.Services.Reconciliation;

/// <summary>ResolveItem: a finance officer closes an open item, appended to the line's own stream at the version read
/// (two officers closing the same item race on it; the loser is told it is already resolved).</summary>
public sealed partial class ReconciliationService
{
    public const int NoteMax = 500;

    public override Task<ResolveItemResponse> ResolveItem(ResolveItemRequest request, ServerCallContext context) =>
        _guard.Execute<ResolveItemRequest, ResolveItemResponse>(context, request, async write =>
        {
            var caller = CallerContext.Of(context);
            var checks = new RequestChecks();
            var id = checks.Id(request.BankTransactionId, "bank_transaction_id");
            var note = checks.Text(request.Note, "note", NoteMax);
            // The same officer check as every application-side command: the id is kept in the line's event as
            // resolved_by, so it must be an id the domain accepts (no '/' or spaces), not free text.
            var (officerId, officerBureau) = checks.Officer(request.Officer, "officer");
            var resolvedOn = checks.Date(request.ResolvedOn, "resolved_on");
            checks.ThrowIfInvalid();
            caller.EnsureBureau(officerBureau);

            var ct = write.CancellationToken;
            var row = (await _lines.Find([id], ct)).GetValueOrDefault(id);
            if (row is null || row.Kind == LineKind.Confirmed)
                throw ApiError.NotFound("reconciliation item", id).ToRpcException();
            if (row.PayingBureau is { } bureau)
                caller.EnsureBureau(new BureauCode(bureau));
            if (!row.Open)
                throw ApiError.WrongState($"reconciliation item {id}", $"already resolved by {row.ResolvedBy}: {row.Resolution}").ToRpcException();

            var stream = StatementStreams.Of(id);
            var version = await _store.StreamVersion(stream, ct);
            var officer = officerId.Value;
            var resolved = new ReconciliationItemResolved(id, note, officer, resolvedOn!.Value);
            ResolveItemResponse Respond(IReadOnlyList<StoredEvent> events) => new()
            {
                Item = ItemMessages.Of(row with { Open = false, Resolution = note, ResolvedBy = officer, ResolvedAt = events[0].RecordedAt }),
            };
            var recording = write.Recording(Respond);
            var appended = await _store.Append([new StreamAppend(stream, StatementStreams.Type, version, [resolved])], write.Metadata, recording, ct);
            return Respond(appended.Events);
        });
}
