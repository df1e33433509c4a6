using System.CommandLine;
using Grants.Cli.Connection;

namespace Grants.Cli.Demo;

/// <summary>`grants demo [--applications 60] [--seed 42]`.</summary>
public sealed class DemoCommand : ICommandGroup
{
    public Command Build(CliContext cli)
    {
        var applications = new Option<int>("--applications") { Description = "How many applications to create", DefaultValueFactory = _ => 60 };
        applications.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 9999)
                r.AddError("--applications must be from 1 to 9999");
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data; the same seed replays the same requests", DefaultValueFactory = _ => 42 };
        seed.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--seed must not be negative"); });
        var command = new Command("demo",
            "Fill a running server, through the API, with generated applicants and applications in every lifecycle state " +
            "(uses the dev keys of every role; safe to run again)")
        {
            applications, seed,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, run =>
            new DemoRun(run.Connection, run.Out, run.Get(seed)).Execute(run.Get(applications))));
        return command;
    }
}
