using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Infrastructure;

public sealed class RequestChecksTests
{
    [Fact]
    public void GivenSeveralBadFields_WhenChecked_ThenOneInvalidArgumentListsThemAll()
    {
        var checks = new RequestChecks();
        checks.Amount(-5, "amount_fen");
        checks.Date(new Date { Year = 2025, Month = 2, Day = 30 }, "approved_on");
        checks.Year(1999, "fiscal_year");
        checks.Enum((ApplicantKind)42, "kind");
        checks.Name("", "name", 200);

        var error = Assert.Throws<RpcException>(checks.ThrowIfInvalid);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["amount_fen", "approved_on", "fiscal_year", "kind", "name"],
            error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(RequestChecks.MaxAmountFen, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(RequestChecks.MaxAmountFen + 1, false)]
    [InlineData(long.MaxValue, false)]
    public void GivenAnAmount_WhenChecked_ThenOnlyPositiveBoundedAmountsPass(long fen, bool valid)
    {
        var checks = new RequestChecks();

        checks.Amount(fen, "amount_fen");

        Assert.Equal(valid, checks.Violations.Count == 0);
    }

    [Fact]
    public void GivenTextLongerInCodePointsThanAllowed_WhenChecked_ThenRefusedButChineseCountsAsOneEach()
    {
        var checks = new RequestChecks();

        checks.Name("黄浦区投资促进办公室", "name", 10);
        Assert.Empty(checks.Violations);
        checks.Name("黄浦区投资促进办公室!", "name", 10);

        Assert.Single(checks.Violations);
    }

    [Fact]
    public void GivenUnspecifiedEnum_WhenRequiredOrFilter_ThenOnlyTheFilterAcceptsIt()
    {
        var required = new RequestChecks();
        var filter = new RequestChecks();

        required.Enum(MeasureKind.Unspecified, "kind");
        filter.EnumFilter(MeasureKind.Unspecified, "kind");

        Assert.Single(required.Violations);
        Assert.Empty(filter.Violations);
    }

    [Theory]
    [InlineData(0, 50, true)]
    [InlineData(200, 200, true)]
    [InlineData(201, 201, false)]
    [InlineData(-1, -1, false)]
    public void GivenAPageSize_WhenChecked_ThenZeroMeansFiftyAndAtMost200(int requested, int used, bool valid)
    {
        var checks = new RequestChecks();

        Assert.Equal(used, checks.PageSize(requested));
        Assert.Equal(valid, checks.Violations.Count == 0);
    }

    [Fact]
    public void GivenAProtoDate_WhenConverted_ThenRoundTripsThroughDateOnly()
    {
        var date = Date.FromDateOnly(new DateOnly(2027, 12, 31));

        Assert.Equal(new DateOnly(2027, 12, 31), date.ToDateOnly());
        Assert.Equal("2027-12-31", date.ToIsoString());
        Assert.False(new Date { Year = 2027, Month = 13, Day = 1 }.TryToDateOnly(out _));
    }
}
