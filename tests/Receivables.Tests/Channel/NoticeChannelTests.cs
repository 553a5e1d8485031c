using Receivables.Actions;
using Receivables.Channel;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Receivables.Tests.Channel;

/// <summary>Inkassoloven § 3a: an inkassovarsel goes electronically only to an address the debtor has confirmed.</summary>
public sealed class NoticeChannelTests
{
    private const string Kari = "K-1001,Kari Nordmann,kari@example.no,consumer,,F-1,2026-01-01,2026-01-15,NOK,4000.00,4000.00,";
    private const string Per = "K-1002,Per Hansen,per@example.no,consumer,,F-2,2026-01-01,2026-01-15,NOK,3000.00,3000.00,";

    private static async Task<List<WorkTask>> TasksAsync(LeversWorld world, string kind)
    {
        var found = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            if (task.Kind == kind)
            {
                found.Add(task);
            }
        }

        return found;
    }

    private static async Task<IReadOnlyList<ArchivedEntry>> EvidenceAsync(LeversWorld world, string debtorId)
    {
        var reader = world.Get<IEvidenceReader>();
        var entries = new List<ArchivedEntry>();
        foreach (var caseRef in await reader.ListCasesAsync(TestSettings.Creditor, debtorId))
        {
            entries.AddRange(await reader.ReadCaseAsync(caseRef));
        }

        return entries;
    }

    [Fact]
    public async Task An_inkassovarsel_to_an_address_the_debtor_never_wrote_from_opens_a_post_task_with_the_letter_as_a_PDF()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-16", new Dictionary<string, string?> { ["Receivables:Channel:Consents:acme:K-1002"] = "per@example.no" });
        await world.UploadAsync(Kari, Per);
        await world.RunUntilAsync("2026-03-20");
        world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.CollectionNotice).Count().ShouldBe(2, "both reached the inkassovarsel");

        var post = (await TasksAsync(world, TaskKinds.SendByPost)).ShouldHaveSingleItem("Per consented to electronic notices; Kari never confirmed her address");
        post.DebtorId.ShouldBe("K-1001");
        post.Title.ShouldContain("Kari Nordmann");
        var kari = await EvidenceAsync(world, "K-1001");
        var printed = kari.Where(e => e.Entry.Kind == ChannelMetadata.PrintedLetterKind).ShouldHaveSingleItem();
        printed.Entry.ContentType.ShouldBe("application/pdf");
        printed.Entry.Metadata[ChannelMetadata.Channel].ShouldBe("post (to be posted)");
        post.Details.ShouldContain(printed.Entry.ItemPath);
        using (var pdf = PdfDocument.Open(await world.Get<IEvidenceReader>().ReadItemAsync(printed.Entry.ItemPath)))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("INKASSOVARSEL");
            text.ShouldContain("Kari");
            text.ShouldNotContain("denne e-posten", customMessage: "a posted letter does not tell the debtor to reply to an email");
            text.ShouldContain("Svar oss på e-post");
        }

        var per = await EvidenceAsync(world, "K-1002");
        per.ShouldContain(e => e.Entry.Metadata.GetValueOrDefault(ChannelMetadata.Channel) == "email" && e.Entry.Title.Contains("confirmed by consent", StringComparison.Ordinal));

        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, post.TaskId, new TaskOutcome("posted", null, new DateOnly(2026, 3, 20), Actors.Person("per")));
        (await EvidenceAsync(world, "K-1001")).ShouldContain(e => e.Entry.Title.StartsWith("Inkassovarsel posted on 2026-03-20", StringComparison.Ordinal) && e.Entry.Metadata[ChannelMetadata.Channel] == "post");
    }

    [Fact]
    public async Task With_the_switch_off_the_inkassovarsel_is_emailed_and_the_unconfirmed_address_is_recorded()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-16", new Dictionary<string, string?> { ["Receivables:Channel:PostUnconfirmedNotices"] = "false" });
        await world.UploadAsync(Kari);
        await world.RunUntilAsync("2026-03-20");

        (await TasksAsync(world, TaskKinds.SendByPost)).ShouldBeEmpty();
        (await EvidenceAsync(world, "K-1001")).ShouldContain(e => e.Entry.Title.Contains("address not confirmed, posting switched off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recent_reply_from_the_address_confirms_it_and_an_old_one_or_another_address_does_not()
    {
        await using var world = await LeversWorld.StartAsync("2026-06-01");
        var archive = world.Get<IEvidenceArchive>();
        async Task ReplyOn(string day, string from, string key) => await archive.AppendAsync(new EvidenceItem(
            TestSettings.Creditor, "K-1001", "case-1", EvidenceKinds.InboundReply, "Reply", "text/plain", "hei"u8.ToArray(), Actors.System, key,
            DateTimeOffset.Parse(day + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { [EvidenceMetadata.From] = from }));

        var confirmation = world.Get<EmailConfirmation>();
        (await confirmation.ConfirmedByAsync(TestSettings.Creditor, "K-1001", "kari@example.no")).ShouldBeNull();
        await ReplyOn("2025-03-01", "kari@example.no", "old");
        await ReplyOn("2026-05-02", "kari.privat@example.no", "other");
        (await confirmation.ConfirmedByAsync(TestSettings.Creditor, "K-1001", "kari@example.no")).ShouldBeNull("a reply older than a year, or from another address, does not confirm it");
        await ReplyOn("2026-05-20", "Kari@Example.no", "recent");
        (await confirmation.ConfirmedByAsync(TestSettings.Creditor, "K-1001", "kari@example.no")).ShouldBe("reply of 2026-05-20");
    }
}
