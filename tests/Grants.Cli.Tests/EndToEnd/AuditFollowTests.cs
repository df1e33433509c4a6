using System.Text.Json;
using Grants.Contracts.V1;
using Grants.Testing;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants audit export --follow`: the log through the head, then each event as it commits, until the user
/// presses Ctrl+C (docs/AUDIT.md: the process ends where it is, exit 130).</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditFollowTests(DemoServerFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenAFollowedExport_WhenAnEventCommitsAndTheUserInterrupts_ThenTheEventIsWrittenAndTheExportEndsWithExitCode130AndNoRefusal()
    {
        var head = (await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest())).Position;
        using var output = new SharedWriter();
        using var error = new SharedWriter();
        using var interrupt = new CancellationTokenSource();
        var export = fixture.Run(output, error, interrupt.Token, "audit", "export", "--follow");
        await Eventually.Until(() => Task.FromResult(Lines(output).Length == head), Deadline, $"the export reaches the head {head}");

        var tranche = await FinanceData.Instruct(fixture, 10_000, "6222020200990011");
        await Eventually.Until(() => Task.FromResult(Lines(output).Length == head + 1), Deadline, "the new event is exported");
        await interrupt.CancelAsync();
        var code = await export;

        Assert.True(code == ExitCodes.Interrupted, $"exit {code}: {error}");
        Assert.DoesNotContain("grants:", error.ToString(), StringComparison.Ordinal);
        using var last = JsonDocument.Parse(Lines(output)[^1]);
        Assert.Equal(head + 1, last.RootElement.GetProperty("position").GetInt64());
        Assert.Equal("tranche_instructed.v1", last.RootElement.GetProperty("type").GetString());
        Assert.Equal($"application-{tranche.ApplicationId}", last.RootElement.GetProperty("stream_id").GetString());
    }

    /// <summary>The complete lines written so far (a line is complete once its newline is written).</summary>
    private static string[] Lines(SharedWriter output)
    {
        var text = output.ToString();
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
