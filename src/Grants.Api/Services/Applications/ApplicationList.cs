using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Api.Services.Applications;

/// <summary>One page of grants.applications, newest submission first. <paramref name="scopeMeasures"/> and
/// <paramref name="scopeBureaus"/> (null: unrestricted) keep a key to applications under measures its bureaus are
/// responsible for, or awards they pay.</summary>
public static class ApplicationList
{
    private const string Query = """
        select a.application_id, a.applicant_id, a.measure_id, grants.application_status(a), a.requested_fen, a.tier_code, a.fiscal_year,
               a.paying_bureau, a.approved_on, a.original_fen, a.current_fen, a.amendment_count, a.paid_fen, a.on_hold,
               a.hold_reason, a.decision_reason, a.submitted_at, a.updated_at, a.version,
               n.note ->> 'title', n.note ->> 'description'
          from grants.applications a
          left join grants.application_notes n on n.application_id = a.application_id and n.version = 1
         where ($1::smallint[] is null or grants.application_status(a) = any($1))
           and ($2::text is null or a.measure_id = $2)
           and ($3::text is null or a.applicant_id = $3)
           and ($4::text is null or a.measure_id = any($5) or a.paying_bureau = $4)
           and ($6::int is null or a.fiscal_year = $6)
           and ($7::date is null or a.submitted_on >= $7)
           and ($8::date is null or a.submitted_on <= $8)
           and ($9::text[] is null or a.measure_id = any($9) or a.paying_bureau = any($10))
           and ($11::timestamptz is null or (a.submitted_at, a.application_id) < ($11, $12))
         order by a.submitted_at desc, a.application_id desc
         limit $13
        """;

    public static async Task<(List<Application> Page, PageToken? Next)> Read(NpgsqlDataSource db, PolicyCatalog catalog,
        ApplicationFilter filter, string[]? scopeMeasures, string[]? scopeBureaus, PageToken? after, int pageSize, CancellationToken ct)
    {
        var bureauMeasures = filter.BureauCode is { } bureau
            ? catalog.Measures.Where(m => m.ResponsibleBureaus.Any(b => b.Value == bureau)).Select(m => m.Id.Value).ToArray()
            : null;
        await using var command = db.CreateCommand(Query);
        command.Parameters.Add(Param(filter.Statuses.Count == 0 ? null : filter.Statuses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Smallint));
        command.Parameters.Add(Param(filter.MeasureId, NpgsqlDbType.Text));
        command.Parameters.Add(Param(filter.ApplicantId, NpgsqlDbType.Text));
        command.Parameters.Add(Param(filter.BureauCode, NpgsqlDbType.Text));
        command.Parameters.Add(Param(bureauMeasures ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Param(filter.FiscalYear, NpgsqlDbType.Integer));
        command.Parameters.Add(Param(filter.SubmittedFrom, NpgsqlDbType.Date));
        command.Parameters.Add(Param(filter.SubmittedTo, NpgsqlDbType.Date));
        command.Parameters.Add(Param(scopeMeasures, NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Param(scopeBureaus ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Param(after?.SubmittedAt, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Param(after?.ApplicationId ?? "", NpgsqlDbType.Text));
        command.Parameters.Add(Param(pageSize + 1, NpgsqlDbType.Integer));

        var page = new List<Application>();
        var last = default(PageToken);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (page.Count == pageSize)
                return (page, last);
            page.Add(Row(reader, catalog));
            last = new PageToken(reader.GetDateTime(16), reader.GetString(0));
        }
        return (page, null);
    }

    private static Application Row(NpgsqlDataReader r, PolicyCatalog catalog)
    {
        var status = (ApplicationStatus)r.GetInt16(3);
        var view = new Application
        {
            ApplicationId = r.GetString(0), ApplicantId = r.GetString(1), MeasureId = r.GetString(2), Status = status,
            TierCode = r.IsDBNull(5) ? "" : r.GetString(5), PaidFen = r.GetInt64(12),
            DecisionReason = r.IsDBNull(15) ? "" : r.GetString(15),
            SubmittedAt = Timestamp.FromDateTime(r.GetDateTime(16)), UpdatedAt = Timestamp.FromDateTime(r.GetDateTime(17)),
            Version = r.GetInt64(18), Title = r.IsDBNull(19) ? "" : r.GetString(19), Description = r.IsDBNull(20) ? "" : r.GetString(20),
        };
        if (catalog.FindMeasure(new MeasureId(view.MeasureId)) is { IsMonetary: true })
            view.RequestedAmountFen = r.GetInt64(4);
        if (!r.IsDBNull(8))
            view.Award = new Award
            {
                FiscalYear = r.GetInt32(6), PayingBureauCode = r.GetString(7), ApprovedOn = Date.FromDateOnly(r.GetFieldValue<DateOnly>(8)),
                OriginalAmountFen = r.GetInt64(9), CurrentAmountFen = r.GetInt64(10), AmendmentCount = r.GetInt32(11), TierCode = view.TierCode,
            };
        if (!r.IsDBNull(14))
            view.Hold = new PaymentHold { OnHold = r.GetBoolean(13), Reason = r.GetString(14) };
        return view;
    }

    private static NpgsqlParameter Param(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
