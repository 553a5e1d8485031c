using Receivables.Ledger;
using Receivables.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Receivables.Tests.Ledger.Hostile;

/// <summary>
/// Every file of <see cref="HostileCorpus"/> through the real importer on Azurite, one after the other on one creditor:
/// each rejected file is refused with a report naming its line and field and leaves the latest snapshot and every
/// debtor exactly as before; each accepted file lists its named warnings.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Taken = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_corpus_holds_at_least_50_files_of_canonical_CSV_Norwegian_CSV_and_SAF_T()
    {
        var corpus = HostileCorpus.All();

        corpus.Count.ShouldBeGreaterThanOrEqualTo(50);
        corpus.Select(f => f.Kind).Distinct().Order().ShouldBe(["csv", "norwegian", "saft"]);
        corpus.Select(f => f.ToString()).ShouldBeUnique();
        corpus.Where(f => f.Rejected).ShouldAllBe(f => f.Mentions.Count > 0);
    }

    [Fact]
    public async Task Every_hostile_file_is_rejected_with_a_report_naming_line_and_field_and_state_unchanged_or_accepted_with_its_warnings()
    {
        await using var host = await TestHost.StartHostAsync();
        var baseline = await LedgerKit.DropAsync(host, "acme/baseline.csv", LedgerKit.Canonical(HostileCorpus.Good), Taken);
        baseline.Result.ShouldBe(LedgerUploadResult.Accepted, baseline.Message);
        var failures = new List<string>();
        int rejected = 0, lineAndColumn = 0, acceptedWithWarnings = 0, accepted = 0, unchanged = 0;
        var corpus = HostileCorpus.All();
        for (var i = 0; i < corpus.Count; i++)
        {
            var file = corpus[i];
            var before = await StateAsync(host);
            var extension = file.Kind == "saft" ? "xml" : "csv";
            var outcome = await LedgerKit.DropAsync(host, $"acme/hostile/{file.Kind}-{file.Name}.{extension}", file.Content, Taken.AddMinutes(i + 1));
            if (file.Rejected)
            {
                if (outcome.Result != LedgerUploadResult.Rejected)
                {
                    failures.Add($"{file}: expected rejected, was {outcome.Result}: {outcome.Message}");
                    continue;
                }

                rejected++;
                var report = await LedgerKit.ReportAsync(host, outcome);
                lineAndColumn += System.Text.RegularExpressions.Regex.IsMatch(report, @"line \d+, column '") ? 1 : 0;
                var missing = file.Mentions.Where(m => !report.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{file}: the report does not mention {string.Join(", ", missing.Select(m => $"'{m}'"))}:\n{report}");
                }

                if (await StateAsync(host) != before)
                {
                    failures.Add($"{file}: rejected, but the stored ledger changed");
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                if (outcome.Result is not (LedgerUploadResult.Accepted or LedgerUploadResult.Unchanged))
                {
                    failures.Add($"{file}: expected accepted, was {outcome.Result}: {string.Join("\n", outcome.FirstProblems ?? [])}");
                    continue;
                }

                var warnings = string.Join("\n", outcome.FirstProblems ?? []);
                var missing = file.Mentions.Where(m => !warnings.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{file}: the warnings do not mention {string.Join(", ", missing.Select(m => $"'{m}'"))}:\n{warnings}");
                }

                accepted++;
                acceptedWithWarnings += file.Mentions.Count > 0 ? 1 : 0;
            }
        }

        output.WriteLine($"{corpus.Count} files tried ({string.Join(", ", corpus.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}): {rejected} rejected with a report naming what was expected, {lineAndColumn} of them naming line and column, {unchanged} of them with the stored ledger unchanged; {accepted} accepted, {acceptedWithWarnings} of them with the named warnings.");
        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }

    /// <summary>The latest snapshot and every debtor with its items, as one comparable text.</summary>
    private static async Task<string> StateAsync(Receivables.Local.Hosting.LocalHost host)
    {
        var latest = await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor);
        var debtors = await LedgerKit.DebtorsAsync(host);
        return latest?.SnapshotId + "|" + latest?.TakenAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\n"
            + string.Join("\n", debtors.Select(d => d.Debtor + ": " + string.Join("; ", d.Invoices)));
    }
}
