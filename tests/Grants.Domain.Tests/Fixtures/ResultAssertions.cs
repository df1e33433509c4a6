namespace Grants.Domain.Tests.Fixtures;

public static class ResultAssertions
{
    /// <summary>Asserts success with exactly one event, of type <typeparamref name="T"/>, and returns it.</summary>
    public static T ShouldEmit<T>(this Result result) where T : IDomainEvent
    {
        var ok = Assert.IsType<Result.Ok>(result, exactMatch: false);
        var single = Assert.Single(ok.Events);
        return Assert.IsType<T>(single);
    }

    /// <summary>Asserts refusal with <paramref name="code"/> and returns the error.</summary>
    public static DomainError ShouldFail(this Result result, string code)
    {
        var fail = Assert.IsType<Result.Fail>(result, exactMatch: false);
        Assert.Equal(code, fail.Error.Code);
        return fail.Error;
    }
}
