using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Hosting;

public sealed class TimerTests
{
    private sealed class CountingCycle : IDunningCycle
    {
        public int Runs;

        public async Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Runs);
            await Task.Delay(300, cancellationToken); // long enough for the other host to try while this one holds the lease
            return new DunningCycleResult(asOf ?? default, 0, 0, []);
        }
    }

    [Fact]
    public async Task The_timer_fires_once_per_slot_when_two_hosts_run()
    {
        var cycle = new CountingCycle();
        var account = await TestHost.NewAccountAsync();
        void Services(IServiceCollection s)
        {
            s.RemoveAll<IDunningCycle>();
            s.AddSingleton<IDunningCycle>(cycle);
            s.AddSingleton<TimerService>();
        }

        await using var first = await TestHost.StartHostAsync(services: Services, connectionString: account);
        await using var second = await TestHost.StartHostAsync(services: Services, connectionString: account);
        var slot = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

        var fired = await Task.WhenAll(
            first.Get<TimerService>().FireAsync(slot, CancellationToken.None),
            second.Get<TimerService>().FireAsync(slot, CancellationToken.None));
        var again = await second.Get<TimerService>().FireAsync(slot, CancellationToken.None);

        cycle.Runs.ShouldBe(1);
        fired.Count(f => f).ShouldBe(1);
        again.ShouldBeFalse();

        // The next slot is a new run.
        (await first.Get<TimerService>().FireAsync(slot.AddDays(1), CancellationToken.None)).ShouldBeTrue();
        cycle.Runs.ShouldBe(2);
    }
}
