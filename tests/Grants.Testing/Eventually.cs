namespace Grants.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed amount of time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan deadline, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var giveUpAt = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow >= giveUpAt)
                throw new TimeoutException($"Still not true after {deadline.TotalSeconds:0.#} s: {because}");
            await Task.Delay(Recheck);
        }
    }
}
