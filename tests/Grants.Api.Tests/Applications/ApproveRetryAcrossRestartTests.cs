using Grants.Api.Tests.Lifecycle.Support;
using Grants.Domain;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>The idempotency record lives in the database, in the transaction of the events: a server that restarted
/// between a call and its retry still answers the retry with the original response.</summary>
public sealed class ApproveRetryAcrossRestartTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Given_an_approval_When_the_server_restarts_and_the_call_is_retried_Then_the_original_answer_returns_and_one_award_exists()
    {
        var desk = fixture.Desk;
        var applicant = await desk.RegisterEnterprise();
        await desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        var id = (await desk.Assessed(applicant)).ApplicationId;
        var request = Approval(id, 50_000_000);
        var original = await desk.Approvers.ApproveAsync(request);

        await fixture.Restart();
        var afterRestart = fixture.Desk;
        var retried = await afterRestart.Approvers.ApproveAsync(request);

        Assert.Equal(original, retried);
        Assert.Equal(1, await afterRestart.EventCount("award_approved.v1"));
        Assert.Equal(50_000_000, (await afterRestart.Ledger(Officers.Ipo, 2025, Art1)).Committed);

        request.AmountFen = 60_000_000;
        await Refusals.Expect(StatusCode.AlreadyExists, () => afterRestart.Approvers.ApproveAsync(request).ResponseAsync);
    }
}
