using System.Text;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Status;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>A half-year without a late-payment rate row is never reused silently.</summary>
public sealed class MissingRateTests
{
    private static RateTables Table() => new(
        [new RatePeriodOptions { From = new DateOnly(2025, 7, 1), Rate = 12.25m, Compensation = 470m }, new RatePeriodOptions { From = new DateOnly(2026, 1, 1), Rate = 12.00m, Compensation = 460m }],
        [new InkassosatsOptions { From = new DateOnly(2026, 1, 1), Amount = 750m }]);

    [Fact]
    public void Interest_in_a_half_year_without_a_rate_row_is_split_off_and_marked_provisional()
    {
        var periods = Table().Interest(10_000m, new DateOnly(2026, 6, 19), new DateOnly(2026, 7, 20));

        periods.Count.ShouldBe(2);
        periods[0].ShouldBe(new InterestPeriod(new DateOnly(2026, 6, 20), new DateOnly(2026, 6, 30), 11, 12.00m, 36.16m, false));
        periods[1].From.ShouldBe(new DateOnly(2026, 7, 1));
        periods[1].Provisional.ShouldBeTrue();
        periods[1].RatePercent.ShouldBe(12.00m, "the last known rate is used, but marked");
        Table().MissingHalfYears(new DateOnly(2026, 7, 20)).ShouldBe([new DateOnly(2026, 7, 1)]);
        Table().MissingHalfYears(new DateOnly(2026, 6, 30)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_rate_row_shows_in_status_opens_a_settings_task_and_marks_the_letter_s_interest_provisional()
    {
        await using var world = await LeversWorld.StartAsync("2026-06-15");
        await world.UploadAsync("K-1001,Kari Nordmann,kari@example.no,consumer,,F-1,2026-06-01,2026-06-15,NOK,10000.00,10000.00,");
        await world.RunUntilAsync("2026-08-10");

        var tasks = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            tasks.Add(task);
        }

        var rateTask = tasks.Where(t => t.Kind == TaskKinds.AddRate).ShouldHaveSingleItem("one task per half-year, however many cycles run");
        rateTask.Title.ShouldContain("2026-07-01");
        rateTask.Details.ShouldContain("Receivables__Dunning__Rates__");

        var report = await world.Get<StatusService>().BuildAsync(new DateOnly(2026, 8, 10));
        var section = report.Creditors.Single(c => c.CreditorId == TestSettings.Creditor).Sections.OfType<RatesStatusSection>().ShouldHaveSingleItem();
        section.Missing.ShouldHaveSingleItem().ShouldContain("2026-07-01");

        var caseRef = (await world.Get<IEvidenceReader>().ListCasesAsync(TestSettings.Creditor, "K-1001")).ShouldHaveSingleItem();
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(caseRef);
        var decisions = new List<string>();
        foreach (var entry in entries.Where(e => e.Entry.Kind == EvidenceKinds.Decision && e.Entry.Title.StartsWith("Decision:", StringComparison.Ordinal)))
        {
            decisions.Add(Encoding.UTF8.GetString(await world.Get<IEvidenceReader>().ReadItemAsync(entry.Entry.ItemPath)));
        }

        decisions.ShouldContain(d => d.Contains("\"ProvisionalRate\"", StringComparison.Ordinal) && d.Contains("2026-07-01 (no rate row; 12.00 % from 2026-01-01 used)", StringComparison.Ordinal));
    }
}
