using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Receivables.Evidence;
using Receivables.Local.Commands;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Evidence;

public sealed class EvidenceBundleTests
{
    [Fact]
    public async Task An_exported_bundle_holds_every_item_the_chain_a_manifest_a_timeline_and_a_readme_and_verifies()
    {
        var bundle = await ExportAsync();

        var files = Files(bundle);
        var entries = files.Keys.Where(k => k.Contains("/chain/", StringComparison.Ordinal)).ToList();
        var items = files.Keys.Where(k => k.Contains("/items/", StringComparison.Ordinal)).ToList();
        entries.Count.ShouldBe(CaseHistory.Items().Count);
        items.Count.ShouldBe(CaseHistory.Items().Count);
        files.Keys.ShouldContain("README.txt");
        files.Keys.ShouldContain("timeline.html");
        var manifest = JsonSerializer.Deserialize<BundleManifest>(files["manifest.json"], Json.Options)!;
        manifest.Cases.ShouldHaveSingleItem().Files.Count.ShouldBe(entries.Count + items.Count);
        manifest.Cases[0].Files.ShouldAllBe(f => EvidenceChain.Sha256(files[f.Path]) == f.Sha256);
        files.Values.ShouldContain(v => v.SequenceEqual(CaseHistory.Items()[5].Content.ToArray()));
        Encoding.UTF8.GetString(files["README.txt"]).ShouldContain("evidence verify");

        var report = EvidenceBundle.Verify(new MemoryStream(bundle));

        report.Problems.ShouldBeEmpty();
        report.Cases.ShouldHaveSingleItem().Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_timeline_is_a_self_contained_page_with_invoices_reminders_and_deadlines_deliveries_replies_agreements_and_payments_in_order()
    {
        var html = Encoding.UTF8.GetString(Files(await ExportAsync())["timeline.html"]);

        // The creditor writes Norwegian: the headings are in its language.
        var headings = new[] { "<h3>Fakturaer", "<h3>Brev og frister", "<h3>Levering", "<h3>Svar fra skyldneren", "<h3>Avtaler", "<h3>Betalinger" };
        var positions = headings.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBe(positions.Order().ToList());
        var reminders = html[positions[1]..positions[2]];
        reminders.IndexOf("Payment deadline: <b>2026-02-10", StringComparison.Ordinal).ShouldBeLessThan(reminders.IndexOf("Payment deadline: <b>2026-03-06", StringComparison.Ordinal));
        reminders.IndexOf("2026-03-06", StringComparison.Ordinal).ShouldBeGreaterThan(0);
        html[positions[5]..].ShouldContain("6250.00 NOK");
        html.ShouldContain("<style>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
        html.ShouldContain("Acme Verktøy AS");
    }

    [Fact]
    public async Task Changing_one_byte_of_an_item_in_a_bundle_fails_verification_naming_the_item()
    {
        var bundle = await ExportAsync();
        var item = Files(bundle).Keys.Where(k => k.EndsWith(".eml", StringComparison.Ordinal)).Order().First();

        var report = EvidenceBundle.Verify(new MemoryStream(Rewrite(bundle, (path, bytes) => path == item ? CaseHistory.FlipOneByte(bytes) : bytes)));

        report.Ok.ShouldBeFalse();
        var problem = report.Cases.Single().Problems.ShouldHaveSingleItem();
        ("evidence/" + problem.Path).ShouldBe(item);
        problem.Message.ShouldContain("was altered");
    }

    [Fact]
    public async Task Deleting_an_item_from_a_bundle_fails_verification_naming_the_item()
    {
        var bundle = await ExportAsync();
        var item = Files(bundle).Keys.Single(k => k.EndsWith(".multipart", StringComparison.Ordinal));

        var report = EvidenceBundle.Verify(new MemoryStream(Rewrite(bundle, (path, bytes) => path == item ? null : bytes)));

        var problem = report.Cases.Single().Problems.ShouldHaveSingleItem();
        ("evidence/" + problem.Path).ShouldBe(item);
        problem.Message.ShouldContain("inbound-reply");
        problem.Message.ShouldContain("missing");
    }

    [Fact]
    public async Task Swapping_two_entries_in_a_bundle_fails_verification_naming_them()
    {
        var bundle = await ExportAsync();
        var files = Files(bundle);
        var a = files.Keys.Single(k => k.EndsWith("chain/0000000002.json", StringComparison.Ordinal));
        var b = files.Keys.Single(k => k.EndsWith("chain/0000000003.json", StringComparison.Ordinal));

        var report = EvidenceBundle.Verify(new MemoryStream(Rewrite(bundle, (path, bytes) => path == a ? files[b] : path == b ? files[a] : bytes)));

        var problems = report.Cases.Single().Problems;
        problems.ShouldContain(p => "evidence/" + p.Path == a && p.Message.Contains("reordered"));
        problems.ShouldContain(p => "evidence/" + p.Path == b && p.Message.Contains("reordered"));
    }

    [Fact]
    public async Task Removing_the_last_entry_and_its_item_from_a_bundle_fails_against_the_manifest_head()
    {
        var bundle = await ExportAsync();
        var files = Files(bundle);
        var lastEntry = files.Keys.Where(k => k.Contains("/chain/", StringComparison.Ordinal)).Order().Last();
        var lastItem = "evidence/" + EvidenceChain.TryParse(files[lastEntry])!.ItemPath;

        var report = EvidenceBundle.Verify(new MemoryStream(Rewrite(bundle, (path, bytes) => path == lastEntry || path == lastItem ? null : bytes)));

        report.Cases.Single().Problems.ShouldHaveSingleItem().Message.ShouldContain("were removed");
    }

    [Fact]
    public async Task Verify_command_exits_zero_for_an_intact_bundle_and_non_zero_for_an_altered_one()
    {
        var bundle = await ExportAsync();
        var directory = Directory.CreateTempSubdirectory("evidence-bundle");
        var intact = Path.Combine(directory.FullName, "intact.zip");
        var altered = Path.Combine(directory.FullName, "altered.zip");
        await File.WriteAllBytesAsync(intact, bundle);
        var item = Files(bundle).Keys.First(k => k.Contains("/items/", StringComparison.Ordinal));
        await File.WriteAllBytesAsync(altered, Rewrite(bundle, (path, bytes) => path == item ? CaseHistory.FlipOneByte(bytes) : bytes));

        (await Run("evidence", "verify", intact)).ShouldBe(0);
        (await Run("evidence", "verify", altered)).ShouldBe(EvidenceCommand.VerificationFailed);
        (await Run("evidence", "verify", Path.Combine(directory.FullName, "absent.zip"))).ShouldBe(1);
    }

    private static async Task<int> Run(params string[] args)
    {
        var root = new RootCommand { EvidenceCommand.Build() };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
    }

    private static async Task<byte[]> ExportAsync()
    {
        await using var host = await TestHost.StartHostAsync(time: TestHost.ClockAt("2026-03-02T07:00:00Z"));
        await CaseHistory.ArchiveAsync(host);
        using var output = new MemoryStream();
        var result = await host.Get<EvidenceExporter>().ExportAsync(TestSettings.Creditor, CaseHistory.Debtor, null, output);
        result.Reports.ShouldAllBe(r => r.Ok);
        return output.ToArray();
    }

    private static Dictionary<string, byte[]> Files(byte[] bundle)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>A copy of the bundle with each file changed (or dropped, when <paramref name="change"/> returns null).</summary>
    private static byte[] Rewrite(byte[] bundle, Func<string, byte[], byte[]?> change)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in Files(bundle))
            {
                if (change(path, bytes) is { } changed)
                {
                    using var stream = zip.CreateEntry(path).Open();
                    stream.Write(changed);
                }
            }
        }

        return output.ToArray();
    }
}
