using System.Diagnostics;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.EventStore;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Idempotency;

/// <summary>Makes a mutating RPC safe to retry. A request_id seen before with the same payload, caller and method
/// returns the stored response and writes nothing (also after a restart); with anything different it is refused
/// with ALREADY_EXISTS. The command runs first and its append records the response in the same transaction as its
/// events (<see cref="IdempotentWrite{TResponse}.Recording(TResponse)"/>), refusing to commit when the request_id
/// is already recorded; only an attempt that did not record looks the request_id up, so a new request (the usual
/// case) pays no look-up. That is sound because a protected command's one durable effect is that one append. Version
/// conflicts are retried here, then ABORTED. Refusals are not stored: a corrected retry with the same request_id runs
/// again.</summary>
public sealed class IdempotencyGuard(NpgsqlDataSource dataSource)
{
    public async Task<TResponse> Execute<TRequest, TResponse>(ServerCallContext context, TRequest request,
        Func<IdempotentWrite<TResponse>, Task<TResponse>> work)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var requestId = RequestIdOf(request);
        var caller = CallerContext.Of(context).Name;
        var method = context.Method;
        var payloadHash = PayloadHash(request);
        var ct = context.CancellationToken;
        var metadata = new EventMetadata(caller, requestId, Activity.Current?.TraceId.ToHexString());

        return await DomainErrors.RetryOnConflict(async () =>
        {
            var write = new IdempotentWrite<TResponse>(requestId, caller, method, payloadHash, metadata, ct);
            TResponse response;
            try
            {
                response = await work(write);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                // A request seen before cannot go through again: its decision is refused on the state it left, or its
                // record loses to the stored one. So only an attempt that failed looks the request_id up.
                if (await Find(requestId, ct) is { } seen)
                    return Replay<TResponse>(seen, requestId, caller, method, payloadHash);
                if (failed is RequestAlreadyCommittedException)
                    throw new InvalidOperationException($"Request '{requestId}' vanished after a concurrent commit.", failed);
                throw;
            }
            if (write.Recorded is { } recorded)
                return recorded;
            // Nothing appended (the command changed nothing): the answer is the stored one if this request was seen.
            return await Find(requestId, ct) is { } earlier ? Replay<TResponse>(earlier, requestId, caller, method, payloadHash) : response;
        }, ct);
    }

    /// <summary>The validated request_id (field 1) of a mutating request; INVALID_ARGUMENT when empty or malformed.</summary>
    public static string RequestIdOf(IMessage request)
    {
        var value = (string)RequestIdField(request.Descriptor).Accessor.GetValue(request);
        var checks = new RequestChecks();
        checks.Id(value, "request_id", RequestChecks.MaxRequestIdLength);
        checks.ThrowIfInvalid();
        return value;
    }

    /// <summary>SHA-256 of the request without its request_id. C# protobuf serialisation is deterministic for a
    /// message without maps, which the contract's requests are.</summary>
    public static byte[] PayloadHash<TRequest>(TRequest request) where TRequest : IMessage<TRequest>
    {
        var copy = request.Clone();
        RequestIdField(request.Descriptor).Accessor.Clear(copy);
        return SHA256.HashData(copy.ToByteArray());
    }

    private static FieldDescriptor RequestIdField(MessageDescriptor descriptor) =>
        descriptor.FindFieldByNumber(1) is { Name: "request_id", FieldType: FieldType.String } field
            ? field
            : throw new InvalidOperationException($"{descriptor.FullName} has no 'string request_id = 1': it is not a mutating request.");

    private static TResponse Replay<TResponse>(StoredRequest seen, string requestId, string caller, string method, byte[] payloadHash)
        where TResponse : IMessage<TResponse>, new()
    {
        if (seen.Caller != caller)
            throw Reused(requestId, "by another caller");
        if (seen.Method != method)
            throw Reused(requestId, $"for {seen.Method}");
        if (!CryptographicOperations.FixedTimeEquals(seen.PayloadHash, payloadHash))
            throw Reused(requestId, "with a different payload");
        var response = new TResponse();
        response.MergeFrom(seen.Response);
        return response;
    }

    private static RpcException Reused(string requestId, string how) =>
        ApiError.AlreadyExists($"request_id '{requestId}' was already used {how}; use a new request_id for a new command")
            .ToRpcException();

    private async Task<StoredRequest?> Find(string requestId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select caller, method, payload_sha256, response from grants.idempotency where request_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StoredRequest(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3))
            : null;
    }

    private sealed record StoredRequest(string Caller, string Method, byte[] PayloadHash, byte[] Response);
}
