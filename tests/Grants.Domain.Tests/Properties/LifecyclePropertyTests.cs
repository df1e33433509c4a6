using FsCheck.Xunit;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.Approving;
using FsCheck;
using FsCheck.Fluent;
using Grants.Domain.Applications.Closing;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.WritingOffClawbacks;

namespace Grants.Domain.Tests.Properties;

/// <summary>Random command sequences over a small catalog (four applications, two enterprises and one person
/// registered through two employers, art.1/3/5/17/18/19-like measures, finite budgets, a clock that crosses the end of
/// the policy window).</summary>
public sealed class LifecyclePropertyTests
{
    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 150)]
    public void Given_random_command_sequences_When_each_is_decided_and_applied_Then_no_invariant_ever_breaks(Script script)
    {
        var world = new World();
        foreach (var op in script.Ops)
        {
            world.Run(op);
            Invariants.Hold(world);
        }
    }

    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 150)]
    public void Given_the_events_of_random_sequences_When_replayed_from_scratch_Then_states_and_ledgers_are_reproduced(Script script)
    {
        var world = new World();
        foreach (var op in script.Ops)
            world.Run(op);

        Invariants.ReplayReproduces(world);
    }

    [Fact]
    public void Given_the_script_generator_When_sampled_with_a_fixed_seed_Then_sequences_reach_every_money_step()
    {
        // Guards the properties against passing vacuously because most commands were refused.
        var events = Scripts.Script.Sample(50, new Rnd(20250401UL), 100).SelectMany(script =>
        {
            var world = new World();
            foreach (var op in script.Ops)
                world.Run(op);
            return world.Log;
        }).ToList();

        Assert.Contains(events, e => e is AwardApproved { FirstApprover: not null });
        Assert.Contains(events, e => e is PaymentConfirmed);
        Assert.Contains(events, e => e is PaymentReturned);
        Assert.Contains(events, e => e is AwardAmended);
        Assert.Contains(events, e => e is ClawbackRecovered { Kind: RecoveryKind.Repaid });
        Assert.Contains(events, e => e is ClawbackRecovered { Kind: RecoveryKind.Offset });
        Assert.Contains(events, e => e is ClawbackWrittenOff);
        Assert.Contains(events, e => e is ApplicationClosed);
    }
}
