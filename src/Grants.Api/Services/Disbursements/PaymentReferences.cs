using System.Text.RegularExpressions;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Domain;
using Npgsql;

namespace Grants.Api.Services.Disbursements;

/// <summary>Payment references are "{application}-T{n}" (the domain numbers tranches per application), so the
/// application a treasury message is about follows from the reference alone.</summary>
public static partial class PaymentReferences
{
    /// <summary>NOT_FOUND for a reference the server cannot have handed out.</summary>
    public static ApplicationId ApplicationOf(string reference) =>
        Pattern().Match(reference) is { Success: true } match
            ? new ApplicationId(match.Groups["application"].Value)
            : throw ApiError.NotFound("tranche", reference).ToRpcException();

    /// <summary>Inside the append's transaction, after the projections locked the tranche's row: what the treasury
    /// pays on it, the instructed amount less what clawback offsets withheld. A concurrent offset is either already
    /// committed (and counted here) or waits for this transaction and then finds the tranche paid.</summary>
    public static async Task EnsureNetAmount(NpgsqlConnection connection, NpgsqlTransaction transaction, string reference,
                                             Money claimed, string what, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select amount_fen, offset_fen from grants.application_tranches where payment_reference = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw ApiError.NotFound("tranche", reference).ToRpcException();
        var (amount, offset) = (new Money(reader.GetInt64(0)), new Money(reader.GetInt64(1)));
        if (amount - offset != claimed)
            throw new CommandRefusedException(DomainError.Invalid("invalid_amount", "amount_fen",
                $"{what} on tranche {reference} is {(amount - offset).Fen} fen: instructed {amount.Fen} less {offset.Fen} withheld to offset a clawback"));
    }

    [GeneratedRegex(@"^(?<application>[A-Z]{2,4}-[0-9]{4}-[0-9]{6})-T[1-9][0-9]{0,5}$")]
    private static partial Regex Pattern();
}
