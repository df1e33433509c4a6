using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Cli.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants audit export`, `digest` and `verify` on the demo's history: what an auditor takes away and checks
/// later without trusting this software (docs/AUDIT.md).</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditChainTests(DemoServerFixture fixture)
{
    /// <summary>,"prev_hash":"&lt;64&gt;","hash":"&lt;64&gt;"} — what follows the canonical bytes on each line.</summary>
    private const int HashSuffixLength = 154;

    [Fact]
    public async Task GivenTheDemoHistory_WhenExported_ThenThereIsOneLinePerPositionThroughTheHeadAndEachHashIsSha256OfThePreviousHashAndTheLinesCanonicalBytes()
    {
        var export = await fixture.Run("audit", "export");
        var head = await Audit.GetDigestAsync(new GetDigestRequest());

        Assert.True(export.Code == ExitCodes.Ok, export.ToString());
        Assert.EndsWith("\n", export.Output, StringComparison.Ordinal);
        var lines = export.Output[..^1].Split('\n');
        Assert.Equal(head.Position, lines.Length);
        // The check docs/AUDIT.md gives auditors, done here with nothing but SHA-256: the chain runs from 32 zero bytes.
        var previous = new byte[32];
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, json.RootElement.GetProperty("position").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(previous), json.RootElement.GetProperty("prev_hash").GetString());
            var canonical = Encoding.UTF8.GetBytes(lines[i][..^HashSuffixLength] + "}");
            previous = SHA256.HashData([.. previous, .. canonical]);
            Assert.Equal(Convert.ToHexStringLower(previous), json.RootElement.GetProperty("hash").GetString());
        }
        Assert.Equal(head.Hash, Convert.ToHexStringLower(previous));
        // Progress goes to standard error, never into the file being written.
        Assert.Contains($"done, {head.Position:N0} events written through position {head.Position:N0}", export.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnExportFromAPosition_WhenItsFirstLineIsRead_ThenItStartsThereAndLinksToTheHashOfThePositionBefore()
    {
        var whole = (await fixture.Run("audit", "export")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var tail = await fixture.Run("audit", "export", "--from", "10", "--to", "12");

        Assert.True(tail.Code == ExitCodes.Ok, tail.ToString());
        Assert.Equal(whole[9..12], tail.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var ninth = JsonDocument.Parse(whole[8]);
        using var tenth = JsonDocument.Parse(whole[9]);
        Assert.Equal(ninth.RootElement.GetProperty("hash").GetString(), tenth.RootElement.GetProperty("prev_hash").GetString());
    }

    [Fact]
    public async Task GivenTypeFilters_WhenExported_ThenExactlyTheLinesOfTheWholeExportWithThoseTypes()
    {
        var whole = (await fixture.Run("audit", "export")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var filtered = await fixture.Run("audit", "export", "--type", "award_approved.v1", "--type", "payment_confirmed.v1");

        Assert.True(filtered.Code == ExitCodes.Ok, filtered.ToString());
        var expected = whole.Where(l => l.Contains("\"type\":\"award_approved.v1\"", StringComparison.Ordinal)
                                     || l.Contains("\"type\":\"payment_confirmed.v1\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task GivenADigestKept_WhenVerifiedAgainstIt_ThenOkThroughTheHead_AndWhenItsHashIsAltered_ThenExitOneNamingItsPosition()
    {
        var digest = await fixture.Run("audit", "digest");
        var head = await Audit.GetDigestAsync(new GetDigestRequest());
        Assert.True(digest.Code == ExitCodes.Ok, digest.ToString());
        using (var json = JsonDocument.Parse(digest.Output))
        {
            Assert.Equal(head.Position, json.RootElement.GetProperty("position").GetInt64());
            Assert.Equal(head.Hash, json.RootElement.GetProperty("hash").GetString());
        }
        var kept = fixture.PathOf("digest.json");
        await File.WriteAllTextAsync(kept, digest.Output);

        var verify = await fixture.Run("audit", "verify", "--digest", kept);

        Assert.True(verify.Code == ExitCodes.Ok, verify.ToString());
        var position = head.Position.ToString("N0", CultureInfo.CurrentCulture);
        Assert.StartsWith($"OK: the chain verifies through position {position}, and matches the digest kept for position {position}; head {position} {head.Hash}",
            verify.Output, StringComparison.Ordinal);

        // Someone rewrote history after the digest was taken: the kept hash no longer matches the chain's.
        var altered = fixture.PathOf("digest-altered.json");
        var flipped = (head.Hash[0] == '0' ? "1" : "0") + head.Hash[1..];
        await File.WriteAllTextAsync(altered, digest.Output.Replace(head.Hash, flipped, StringComparison.Ordinal));

        var mismatch = await fixture.Run("audit", "verify", "--digest", altered);

        Assert.True(mismatch.Code == ExitCodes.Refused, mismatch.ToString());
        Assert.StartsWith($"MISMATCH at position {head.Position}: ", mismatch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNoDigestFileOrOneThatIsNoDigest_WhenVerified_ThenUsageExitNamingTheFileAndNothingIsChecked()
    {
        var missing = fixture.PathOf("no-such-digest.json");
        var notADigest = fixture.PathOf("not-a-digest.json");
        await File.WriteAllTextAsync(notADigest, """{"position": 3, "hash": "abc"}""");

        var absent = await fixture.Run("audit", "verify", "--digest", missing);
        var wrong = await fixture.Run("audit", "verify", "--digest", notADigest);

        Assert.True(absent.Code == ExitCodes.Usage, absent.ToString());
        Assert.StartsWith($"grants: cannot read digest file {missing}: ", absent.Error, StringComparison.Ordinal);
        Assert.Equal("", absent.Output);
        Assert.True(wrong.Code == ExitCodes.Usage, wrong.ToString());
        Assert.Equal($"grants: {notADigest} is not a digest: it needs \"position\" (0 or more) and \"hash\" (64 hex digits)", wrong.Error.TrimEnd());
        Assert.Equal("", wrong.Output);
    }

    [Fact]
    public async Task GivenAFolderAsTheDigest_WhenVerified_ThenUsageExitSayingItIsAFolderNotADigestFile()
    {
        var folder = fixture.WorkingDirectory.FullName;

        var verify = await fixture.Run("audit", "verify", "--digest", folder);

        Assert.True(verify.Code == ExitCodes.Usage, verify.ToString());
        Assert.Equal($"grants: {folder} is a folder, not a digest file (give the digest.json kept earlier)", verify.Error.TrimEnd());
        Assert.Equal("", verify.Output);
    }

    [Fact]
    public async Task GivenTheDemoHistory_WhenVerifiedWithoutADigest_ThenOkThroughTheHeadAndTheJsonSaysSo()
    {
        var head = await Audit.GetDigestAsync(new GetDigestRequest());

        var verify = await fixture.Run("audit", "verify", "--json");

        Assert.True(verify.Code == ExitCodes.Ok, verify.ToString());
        var result = Google.Protobuf.JsonParser.Default.Parse<VerifyResult>(verify.Output);
        Assert.True(result.Ok);
        Assert.Equal(head.Position, result.CheckedThrough);
        Assert.Equal(head.Hash, result.Head.Hash);
    }

    [Fact]
    public async Task GivenAStartBeyondTheHead_WhenExported_ThenNothingIsWrittenAndTheProgressSaysSoInsteadOfAPositionBeforeTheStart()
    {
        var start = (await Audit.GetDigestAsync(new GetDigestRequest())).Position + 1;

        var export = await fixture.Run("audit", "export", "--from", start.ToString(CultureInfo.InvariantCulture));

        Assert.True(export.Code == ExitCodes.Ok, export.ToString());
        Assert.Equal("", export.Output);
        Assert.Equal($"export: done, no events from position {start:N0}", export.Error.TrimEnd());
    }

    [Fact]
    public async Task GivenNoServerAtTheAddress_WhenADigestIsAsked_ThenExitThreeSayingWhereItLooked()
    {
        var digest = await fixture.RunAt("http://127.0.0.1:1", "audit", "digest");

        Assert.True(digest.Code == ExitCodes.Unavailable, digest.ToString());
        Assert.StartsWith("grants: UNAVAILABLE", digest.Error, StringComparison.Ordinal);
        Assert.Contains("(is the server running at http://127.0.0.1:1/? start it with ./scripts/run.sh)", digest.Error, StringComparison.Ordinal);
        Assert.Equal("", digest.Output);
    }

    private AuditService.AuditServiceClient Audit => fixture.Server.Client<AuditService.AuditServiceClient>("auditor");
}
