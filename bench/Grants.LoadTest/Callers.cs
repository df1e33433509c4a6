using System.Text.Json;
using Grants.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Grants.LoadTest;

/// <summary>One HTTP/2 channel shared by every simulated caller, each calling system with its own role's key,
/// as the real ones would (the dev keys file has one key per role).</summary>
public sealed class Callers : IDisposable
{
    private readonly GrpcChannel _channel;

    public Callers(string url, string keysFile, Interceptor recorder)
    {
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(keysFile))
                   ?? throw new InvalidOperationException($"{keysFile} holds no keys");
        // Several connections: one HTTP/2 connection's stream limit (100) would otherwise queue 128 callers.
        _channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        CallInvoker As(string role) => _channel.Intercept(recorder).Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + keys[role]);
            return metadata;
        });
        Admin = new CatalogService.CatalogServiceClient(As("admin"));
        Registration = new ApplicantService.ApplicantServiceClient(As("applicant_portal"));
        Portal = new ApplicationService.ApplicationServiceClient(As("applicant_portal"));
        Assessor = new ApplicationService.ApplicationServiceClient(As("assessor"));
        Approver = new ApplicationService.ApplicationServiceClient(As("approver"));
        Budgets = new BudgetService.BudgetServiceClient(As("finance"));
        Payments = new DisbursementService.DisbursementServiceClient(As("finance"));
        Audit = new AuditService.AuditServiceClient(As("auditor"));
    }

    public CatalogService.CatalogServiceClient Admin { get; }
    public ApplicantService.ApplicantServiceClient Registration { get; }
    public ApplicationService.ApplicationServiceClient Portal { get; }
    public ApplicationService.ApplicationServiceClient Assessor { get; }
    public ApplicationService.ApplicationServiceClient Approver { get; }
    public BudgetService.BudgetServiceClient Budgets { get; }
    public DisbursementService.DisbursementServiceClient Payments { get; }
    public AuditService.AuditServiceClient Audit { get; }

    public void Dispose() => _channel.Dispose();
}
