using System.Diagnostics;
using Npgsql;

namespace Grants.Projections.Tests.Support;

/// <summary>Counts the statements that read a budget line under lock, as Npgsql traces them for one database (a batch
/// of statements is traced as one text, so each is counted in it).</summary>
internal sealed class LineLocks : IDisposable
{
    private const string LockingRead = "from grants.budget_ledgers where bureau = $1 and fiscal_year = $2 and measure_id = $3 for no key update";

    private readonly ActivityListener _listener;
    private readonly string _database;
    private int _count;

    public LineLocks(NpgsqlDataSource db)
    {
        _database = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count() => Volatile.Read(ref _count);

    private void Count(Activity activity)
    {
        if (activity.GetTagItem("db.namespace") as string != _database || activity.GetTagItem("db.query.text") is not string text)
            return;
        Interlocked.Add(ref _count, text.Split(LockingRead).Length - 1);
    }

    public void Dispose() => _listener.Dispose();
}
