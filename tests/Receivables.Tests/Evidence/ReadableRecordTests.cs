using System.IO.Compression;
using Receivables.Actions;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Handover;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Evidence;

/// <summary>The record a court or an estate reads: letters by type, date, channel, recipient, invoices, amount and deadline.</summary>
public sealed class ReadableRecordTests
{
    private const string Kari = "C-300,Kari Nordmann,kari@example.no,consumer,,F-900,2026-01-02,2026-01-16,NOK,12500.00,12500.00,";

    private static async Task<LeversWorld> SilentKariAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(Kari);
        await world.RunUntilAsync("2026-04-30");
        return world;
    }

    [Fact]
    public async Task The_timeline_names_each_letter_in_Norwegian_with_date_channel_recipient_invoices_amount_and_deadline()
    {
        await using var world = await SilentKariAsync();
        using var bundle = new MemoryStream();
        await world.Get<EvidenceExporter>().ExportAsync(TestSettings.Creditor, "C-300", null, bundle);
        bundle.Position = 0;
        using var zip = new ZipArchive(bundle);
        using var reader = new StreamReader(zip.GetEntry("timeline.html")!.Open());
        var html = await reader.ReadToEndAsync();

        html.ShouldContain("<html lang=\"nb\">");
        html.ShouldContain("Kari Nordmann (C-300)", customMessage: "the debtor by name, not only a case hash");
        html.ShouldContain("Brev til skyldneren");
        html.ShouldContain("<b>påminnelse</b>");
        html.ShouldContain("<b>purring</b>");
        html.ShouldContain("<b>inkassovarsel (inkassoloven § 9)</b>");
        html.ShouldContain("Kari Nordmann &lt;kari@example.no&gt;");
        html.ShouldContain("<td>F-900</td>");
        html.ShouldContain("12\u00a0500,00 kr", customMessage: "amounts as a Norwegian reads them (nb-NO groups with a no-break space)");
        html.ShouldMatch(@"e-post[^<]*</td><td>Kari Nordmann &lt;kari@example.no&gt;</td><td>F-900</td><td>[0-9\u00a0 ]+,[0-9]{2} kr</td><td>\d{2}\.\d{2}\.2026</td>");
        html.ShouldNotContain("<b>Reminder acme|");
    }

    [Fact]
    public async Task The_handover_file_gives_the_collection_notice_its_own_kind_with_date_channel_and_deadline()
    {
        await using var world = await SilentKariAsync();
        WorkTask? decision = null;
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            if (task.Kind == TaskKinds.DecideEscalation)
            {
                decision = task;
            }
        }

        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, decision!.TaskId, new TaskOutcome(EscalationOutcomes.Collection, "Silent", null, Actors.Person("ola")));
        var (_, _, content) = await world.Get<HandoverExporter>().ExportAsync(TestSettings.Creditor, "C-300", Path.Combine(world.Host.DataPath, "handover"));

        var fees = content.Claims.ShouldHaveSingleItem().Fees;
        fees.Select(f => f.Kind).ShouldBe(["Reminder", "CollectionNotice"]);
        var noticeFee = fees[1];
        noticeFee.Deadline.ShouldNotBeNull().DayNumber.ShouldBeGreaterThanOrEqualTo(noticeFee.Date.DayNumber + 14, "§ 9: at least 14 days");
        var notice = content.CollectionNotices.ShouldNotBeNull().ShouldHaveSingleItem();
        notice.Date.ShouldBe(noticeFee.Date);
        notice.Deadline.ShouldBe(noticeFee.Deadline);
        notice.Channel.ShouldBe("email; post task open", "Kari never wrote from her address, so the notice also waits to be posted");
    }
}
