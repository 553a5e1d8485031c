using Receivables.Ledger;
using Receivables.Status;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>How old the latest ledger is, as <c>status</c> shows it.</summary>
public sealed class LedgerAgeStatusTests
{
    [Fact]
    public async Task A_ledger_taken_after_the_clock_shows_age_zero_days_and_a_warning_never_a_negative_age()
    {
        var clock = TestHost.ClockAt("2026-12-02T06:00:00Z");
        await using var host = await TestHost.StartHostAsync(new Dictionary<string, string?> { ["Receivables:Dunning:MaxLedgerAgeDays"] = "400" }, time: clock);
        await LedgerKit.DropAsync(host, "acme/future.csv", LedgerKit.Canonical("K-1,Kari,kari@example.no,consumer,,1001,2026-09-01,2026-09-15,NOK,100.00,100.00,"), clock.GetUtcNow().AddHours(2).AddMinutes(12));

        var report = await host.Get<StatusService>().BuildAsync();
        using var text = new StringWriter();
        report.WriteText(text);

        var section = report.Creditors.Single(c => c.CreditorId == TestSettings.Creditor).Sections.OfType<LedgerStatusSection>().Single();
        section.AgeHours.ShouldBe(0);
        section.AgeDays.ShouldBe(0);
        section.AheadOfClockHours.ShouldBe(2.2);
        text.ToString().ShouldNotContain("-2 h");
        text.ToString().ShouldNotContain("-12 min");
        text.ToString().ShouldContain("0 days 0 h old");
        text.ToString().ShouldContain("after this machine's clock");
        report.ToJson().ShouldContain("\"ageDays\": 0");
    }

    [Fact]
    public async Task A_ledger_taken_days_ago_shows_its_age_in_days()
    {
        var clock = TestHost.ClockAt("2026-12-02T06:00:00Z");
        await using var host = await TestHost.StartHostAsync(new Dictionary<string, string?> { ["Receivables:Dunning:MaxLedgerAgeDays"] = "400" }, time: clock);
        await LedgerKit.DropAsync(host, "acme/old.csv", LedgerKit.Canonical("K-1,Kari,kari@example.no,consumer,,1001,2026-09-01,2026-09-15,NOK,100.00,100.00,"), clock.GetUtcNow().AddDays(-3).AddHours(-5));

        var report = await host.Get<StatusService>().BuildAsync();
        using var text = new StringWriter();
        report.WriteText(text);

        text.ToString().ShouldContain("3 days 5 h old");
    }
}
