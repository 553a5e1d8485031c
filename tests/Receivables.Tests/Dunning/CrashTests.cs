using Receivables.Local.Bench;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>
/// The operator CLI killed with <c>kill -9</c> while it sends reminders (issue #20, crash test): after the next runs no
/// email went out twice and no reminder is left pending without a queue message. Real child processes, Azurite and a
/// fake SendGrid; the full bench is <c>receivables bench crash --kills N</c>. The kill comes while the provider has an
/// email in hand and has not accepted it; a kill in the milliseconds between the provider's acceptance and the sender's
/// record of it can send that email twice (SendGrid has no idempotency key): the bench measures how often.
/// </summary>
public sealed class CrashTests
{
    [Fact]
    public async Task The_CLI_killed_while_an_email_is_being_sent_leaves_no_duplicate_email_and_no_stuck_reminder_after_the_next_run()
    {
        var bench = new CrashBench(
            new CrashBenchOptions { Kills = 1, Debtors = 40, Dates = 1, Seed = 7, Visibility = TimeSpan.FromSeconds(4), Home = RepoFiles.Root, KillInFlight = true, ProviderLatency = TimeSpan.FromMilliseconds(300) },
            TextWriter.Null);

        var result = await bench.RunAsync(CancellationToken.None);

        result.Kills.ShouldBe(1);
        result.KillsWhileSending.ShouldBe(1, "killed while emails were being sent");
        result.Messages.ShouldBeGreaterThan(5);
        result.Duplicates.ShouldBe(0);
        result.StuckPending.ShouldBe(0);
        result.IntentsLeft.ShouldBe(0);
        result.QueuedLeft.ShouldBe(0);
        result.Poisoned.ShouldBe(0);
        result.MostEmulators.ShouldBe(1, "the killed run's Azurite is reused by the next run, not doubled");
    }
}
