using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>
/// Replies against the real dunning case actions and the real evidence archive (on Azurite); only email and the ledger
/// reader are still doubles until those features land.
/// </summary>
public sealed class ReplyEndToEndTests
{
    [Fact]
    public async Task Promise_reply_pauses_the_real_case_and_the_reply_and_decision_are_in_the_evidence_chain_once()
    {
        var sender = new RecordingSender();
        var ledger = new FixedLedger();
        ledger.Set("D7", "kari@kunde.example", ("20001", 3000m));
        await using var host = await TestHost.StartHostAsync(TestData.Settings, s =>
        {
            s.AddSingleton<IEmailSender>(sender);
            s.AddSingleton<IMessageRenderer>(new PlainRenderer());
            s.AddSingleton<ILedgerReader>(ledger);
        }, TestHost.ClockAt("2026-11-23T08:30:00Z"));
        var store = host.Get<ICaseStore>();
        var dunningCase = store.New(TestData.Creditor, "D7");
        dunningCase.DebtorEmail = "kari@kunde.example";
        dunningCase.DebtorName = "Kunde AS";
        dunningCase.Stage = CaseStages.Friendly;
        await store.SaveAsync(dunningCase);
        var body = InboundPosts.Reply("Kari <kari@kunde.example>", $"regnskap+{dunningCase.ReplyToken}@acme.example", "SV: Påminnelse", "Hei, vi betaler 30.11. Mvh Kari");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            (await host.Get<IInboundEmailWebhook>().HandleAsync(InboundPosts.Request(body))).StatusCode.ShouldBe(200);
            await InboundPosts.ProcessAllAsync(host);
        }

        var view = (await host.Get<ICaseActions>().GetAsync(TestData.Creditor, "D7")).ShouldNotBeNull();
        view.Pause.ShouldBe(PauseReason.PromiseToPay);
        view.PausedUntil.ShouldBe(new DateOnly(2026, 12, 3));
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestData.Creditor, "D7", view.CaseId));
        entries.Count(e => e.Entry.Kind == EvidenceKinds.InboundReply).ShouldBe(1);
        entries.Count(e => e.Entry.Kind == EvidenceKinds.Decision && e.Entry.Actor == Actors.Rule).ShouldBeGreaterThanOrEqualTo(1);
        (await host.Get<IEvidenceReader>().VerifyCaseAsync(new EvidenceCaseRef(TestData.Creditor, "D7", view.CaseId))).Problems.ShouldBeEmpty();
        sender.Sent.Count.ShouldBe(1);
    }
}
