using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Messaging;

/// <summary>The one way to write to a debtor about a case: built from the latest ledger, sent once, archived with its recipient.</summary>
public sealed class CaseMessengerTests
{
    private static CaseView Case(string debtorId, string? email = null, params string[] held) =>
        new(TestSettings.Creditor, debtorId, DunningCase.CaseIdFor(TestSettings.Creditor, debtorId), "tok" + debtorId.ToLowerInvariant(), "friendly", email, null, null, held);

    private static async Task<List<string>> OutboxAsync(Local.Hosting.LocalHost host) =>
        Directory.Exists(Path.Combine(host.DataPath, "outbox"))
            ? [.. Directory.EnumerateFiles(Path.Combine(host.DataPath, "outbox"), "*.eml", SearchOption.AllDirectories)]
            : await Task.FromResult(new List<string>());

    [Fact]
    public async Task A_case_letter_is_sent_once_per_key_and_archived_with_the_address_it_went_to()
    {
        await using var host = await TestHost.StartHostAsync(time: TestHost.ClockAt("2026-11-20T09:00:00Z"));
        await LedgerKit.DropAsync(host, "acme/2026-11-20.csv", LedgerKit.Canonical(
            "D7,Fjord Fisk AS,faktura@fjordfisk.example,business,912345688,F-70,2026-09-01,2026-09-30,EUR,800.00,800.00,"));
        var found = Case("D7");
        var messenger = host.Get<CaseMessenger>();

        var first = await messenger.SendAsync(found, MessageTemplates.Acknowledgement, "test:ack", _ => new Dictionary<string, string> { ["Message"] = "Takk." }, Actors.Rule, CancellationToken.None);
        var again = await messenger.SendAsync(found, MessageTemplates.Acknowledgement, "test:ack", _ => new Dictionary<string, string> { ["Message"] = "Takk." }, Actors.Rule, CancellationToken.None);

        first.ShouldNotBeNull();
        again!.MessageId.ShouldBe(first.MessageId);
        (await OutboxAsync(host)).Count.ShouldBe(1, "the same key is sent once");
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "D7", found.CaseId));
        var sent = entries.Where(e => e.Entry.Kind == EvidenceKinds.OutboundEmail).ShouldHaveSingleItem();
        sent.Entry.Metadata[EvidenceMetadata.To].ShouldBe("faktura@fjordfisk.example");
        sent.Entry.Metadata[EvidenceMetadata.MessageId].ShouldBe(first.MessageId);
        sent.Entry.Actor.ShouldBe(Actors.Rule);
    }

    [Fact]
    public async Task A_case_letter_states_the_invoices_currency_and_replies_to_the_cases_own_address()
    {
        await using var host = await TestHost.StartHostAsync(time: TestHost.ClockAt("2026-11-20T09:00:00Z"));
        await LedgerKit.DropAsync(host, "acme/2026-11-20.csv", LedgerKit.Canonical(
            "D8,Kari Nordmann,kari@example.no,consumer,,F-80,2026-09-01,2026-09-30,EUR,120.00,120.00,8000",
            "D8,Kari Nordmann,kari@example.no,consumer,,F-81,2026-09-05,2026-10-05,EUR,80.00,80.00,8100"));
        var found = Case("D8", held: "F-81");

        var stillOpen = await host.Get<CaseDocuments>().ForCaseAsync(found, MessageTemplates.StillOpen, _ => new Dictionary<string, string>(), CancellationToken.None);
        var confirmation = await host.Get<CaseDocuments>().ForCaseAsync(found, MessageTemplates.CallConfirmation, _ => new Dictionary<string, string>(), CancellationToken.None);

        stillOpen.ShouldNotBeNull();
        stillOpen.Currency.ShouldBe("EUR");
        stillOpen.ReplyAddress.ShouldBe(ReminderContent.ReplyAddress("regnskap@acme.example", found.ReplyToken));
        stillOpen.Invoices.Select(i => i.InvoiceNumber).ShouldBe(["F-80"], "an invoice held for a dispute is not asked for");
        stillOpen.Kid.ShouldBe("8000");
        stillOpen.Principal.ShouldBe(120.00m);
        confirmation!.Invoices.Count.ShouldBe(2);
        confirmation.Kid.ShouldBeNull("two open invoices have no single KID");
        confirmation.Principal.ShouldBe(200.00m);
    }

    [Fact]
    public async Task No_letter_is_written_to_a_debtor_the_ledger_gives_no_address_for()
    {
        await using var host = await TestHost.StartHostAsync(time: TestHost.ClockAt("2026-11-20T09:00:00Z"));
        await LedgerKit.DropAsync(host, "acme/2026-11-20.csv", LedgerKit.Canonical(
            "D9,Ola Uten Epost,,consumer,,F-90,2026-09-01,2026-09-30,NOK,100.00,100.00,"));

        var sent = await host.Get<CaseMessenger>().SendAsync(Case("D9"), MessageTemplates.Acknowledgement, "test:none", _ => new Dictionary<string, string>(), Actors.Rule, CancellationToken.None);

        sent.ShouldBeNull();
        (await OutboxAsync(host)).ShouldBeEmpty();
    }
}
