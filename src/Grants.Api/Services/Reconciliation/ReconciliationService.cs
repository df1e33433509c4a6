using Grants.Api.Services.Listing;
using System.Globalization;
using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Finance.Instructions;
using Grants.Projections.Finance.Reports;
using Grants.Projections.Finance.Statements;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Payment instructions for the treasury, statement import and the finance report (reconciliation.proto).
/// The reads here; the import, resolution and report in the other parts of this class.</summary>
public sealed partial class ReconciliationService : Contracts.V1.ReconciliationService.ReconciliationServiceBase
{
    private readonly CatalogState _catalog;
    private readonly PostgresEventStore _store;
    private readonly IdempotencyGuard _guard;
    private readonly ILogger<ReconciliationService> _logger;
    private readonly InstructionQueries _instructions;
    private readonly ClawbackQueries _clawbacks;
    private readonly StatementLineQueries _lines;
    private readonly ReportQueries _reports;
    private readonly StatementImporter _importer;

    public ReconciliationService(NpgsqlDataSource dataSource, PostgresEventStore store, StreamLoader loader, CatalogState catalog,
                                 IdempotencyGuard guard, ILogger<ReconciliationService> logger)
    {
        _catalog = catalog;
        _store = store;
        _guard = guard;
        _logger = logger;
        _instructions = new InstructionQueries(dataSource);
        _clawbacks = new ClawbackQueries(dataSource);
        _lines = new StatementLineQueries(dataSource);
        _reports = new ReportQueries(dataSource, store.Types);
        _importer = new StatementImporter(store, new LineMatcher(loader, catalog, dataSource), _lines);
    }

    public override async Task<ListInstructionsResponse> ListInstructions(ListInstructionsRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context);
        var checks = new RequestChecks();
        var status = checks.EnumFilter(request.Status, "status");
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        int? year = request.FiscalYear == 0 ? null : checks.Year(request.FiscalYear, "fiscal_year");
        var measure = checks.OptionalId(request.MeasureId, "measure_id");
        var size = checks.PageSize(request.PageSize);
        var filter = string.Join('|', status, bureau, year, measure);
        var position = PageToken.Decode(request.PageToken, filter, 2, checks);
        InstructionCursor? after = null;
        if (position is not null)
        {
            if (int.TryParse(position[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tranche))
                after = new InstructionCursor(position[0], tranche);
            else
                checks.Add("page_token", "is not a next_page_token this server issued");
        }
        checks.ThrowIfInvalid();
        if (bureau is not null)
            caller.EnsureBureau(new BureauCode(bureau));

        var rows = await _instructions.List(new InstructionFilter(InstructionMessages.Status(status), bureau, year, measure, Reach(caller)),
            after, size + 1, context.CancellationToken);
        var response = new ListInstructionsResponse();
        var fullAccount = caller.IsInRole(Roles.Finance);
        response.Instructions.AddRange(rows.Take(size).Select(r => InstructionMessages.Of(r, fullAccount)));
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            response.NextPageToken = PageToken.Encode(filter, last.ApplicationId,
                last.TrancheNumber.ToString(CultureInfo.InvariantCulture));
        }
        return response;
    }

    public override async Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context);
        var checks = new RequestChecks();
        var status = checks.EnumFilter(request.Status, "status");
        var kind = checks.EnumFilter(request.Kind, "kind");
        var size = checks.PageSize(request.PageSize);
        var filter = string.Join('|', status, kind);
        var position = PageToken.Decode(request.PageToken, filter, 2, checks);
        ItemCursor? after = null;
        if (position is not null)
        {
            if (DateTimeOffset.TryParse(position[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                after = new ItemCursor(at, position[1]);
            else
                checks.Add("page_token", "is not a next_page_token this server issued");
        }
        checks.ThrowIfInvalid();

        bool? open = status switch { ItemStatus.Open => true, ItemStatus.Resolved => false, _ => null };
        var response = new ListItemsResponse();
        // Confirmed lines are not items: asking for them lists nothing rather than everything.
        if (kind == ItemKind.Confirmed)
            return response;
        var rows = await _lines.Items(new ItemFilter(open, ItemMessages.Kind(kind), Reach(caller)), after, size + 1, context.CancellationToken);
        response.Items.AddRange(rows.Take(size).Select(ItemMessages.Of));
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            response.NextPageToken = PageToken.Encode(filter, last.ImportedAt.ToString("O", CultureInfo.InvariantCulture),
                last.Line.BankTransactionId);
        }
        return response;
    }

    /// <summary>The bureaus a scoped key reaches; null for an unrestricted key (no filter at all).</summary>
    private IReadOnlyCollection<string>? Reach(CallerContext caller) =>
        caller.Scope.IsUnrestricted
            ? null
            : [.. _catalog.Latest.Bureaus.Where(b => caller.CanReach(b.Code)).Select(b => b.Code.Value)];
}
