using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>What a person sets on one case — never-automatic, a held invoice released — and what the next cycles do.</summary>
public sealed class CaseLeverTests
{
    // A consumer with one invoice due 15 January: the friendly reminder goes on 20 January, the next step two weeks later.
    private const string Per = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";

    // A consumer with two invoices due 15 January.
    private const string First = "C-300,Siri Dahl,siri@example.no,consumer,,3001,2026-01-01,2026-01-15,NOK,700.00,700.00,30017";
    private const string Second = "C-300,Siri Dahl,siri@example.no,consumer,,3002,2026-01-02,2026-01-15,NOK,400.00,400.00,30025";

    private static List<OutboundEmail> SentTo(LeversWorld world, string address) => [.. world.Sender.Sends.Where(s => s.ToAddress == address)];

    private static async Task<IReadOnlyList<ArchivedEntry>> DecisionsAsync(LeversWorld world, string debtorId)
    {
        var reader = world.Get<IEvidenceReader>();
        var all = new List<ArchivedEntry>();
        foreach (var caseRef in await reader.ListCasesAsync(TestSettings.Creditor, debtorId))
        {
            all.AddRange((await reader.ReadCaseAsync(caseRef)).Where(e => e.Entry.Kind == EvidenceKinds.Decision));
        }

        return all;
    }

    [Fact]
    public async Task A_never_automatic_case_gets_no_reminder_on_the_next_cycles_and_gets_one_again_after_the_undo()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Per);
        await world.RunUntilAsync("2026-01-20");
        SentTo(world, "per@example.no").Count.ShouldBe(1);
        var cases = world.Get<ICaseActions>();

        world.SetDay("2026-01-21");
        await cases.SetNeverAutomaticAsync(TestSettings.Creditor, "C-200", true, Actors.Person("kari"), "Kunden har verge; alt går via henne", "form-1");
        await cases.SetNeverAutomaticAsync(TestSettings.Creditor, "C-200", true, Actors.Person("kari"), "Kunden har verge; alt går via henne", "form-1");
        await world.RunUntilAsync("2026-02-10");

        SentTo(world, "per@example.no").Count.ShouldBe(1);
        var manual = (await cases.GetAsync(TestSettings.Creditor, "C-200"))!;
        manual.NeverAutomatic.ShouldBeTrue();
        manual.Stage.ShouldBe(CaseStages.Manual);

        world.SetDay("2026-02-11");
        await cases.SetNeverAutomaticAsync(TestSettings.Creditor, "C-200", false, Actors.Person("kari"), "Vergen ba oss fortsette", "form-2");
        await world.RunUntilAsync("2026-02-11");

        var sent = SentTo(world, "per@example.no");
        sent.Count.ShouldBe(2);
        sent[1].Subject.ShouldStartWith("Purring");
        (await cases.GetAsync(TestSettings.Creditor, "C-200"))!.NeverAutomatic.ShouldBeFalse();
        var decisions = (await DecisionsAsync(world, "C-200")).Where(e => e.Entry.Actor == "person:kari").ToList();
        decisions.Select(d => d.Entry.Metadata["action"]).ShouldBe(["never-automatic", "automatic-again"]);
    }

    [Fact]
    public async Task Releasing_one_held_invoice_makes_the_next_cycle_remind_about_it_while_the_other_stays_held()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-16");
        await world.UploadAsync(First, Second);
        await world.RunUntilAsync("2026-01-16");
        var cases = world.Get<ICaseActions>();
        await cases.PauseAsync(TestSettings.Creditor, "C-300", PauseReason.Manual, null, ["3001"], Actors.Person("kari"), "Sjekker leveransen", "hold-1");
        await cases.PauseAsync(TestSettings.Creditor, "C-300", PauseReason.Manual, null, ["3002"], Actors.Person("kari"), "Sjekker leveransen", "hold-2");
        await world.RunUntilAsync("2026-01-21");
        SentTo(world, "siri@example.no").ShouldBeEmpty();

        world.SetDay("2026-01-22");
        await cases.ReleaseInvoiceAsync(TestSettings.Creditor, "C-300", "3001", Actors.Person("kari"), "Leveransen var i orden", "release-1");
        await cases.ReleaseInvoiceAsync(TestSettings.Creditor, "C-300", "3001", Actors.Person("kari"), "Leveransen var i orden", "release-1");
        await world.RunUntilAsync("2026-01-22");

        var reminder = SentTo(world, "siri@example.no").ShouldHaveSingleItem();
        reminder.TextBody.ShouldContain("3001");
        reminder.TextBody.ShouldNotContain("3002");
        (await cases.GetAsync(TestSettings.Creditor, "C-300"))!.HeldInvoices.ShouldBe(["3002"]);
        var released = (await DecisionsAsync(world, "C-300")).Where(e => e.Entry.Metadata.GetValueOrDefault("action") == "release-invoice").ShouldHaveSingleItem();
        released.Entry.Actor.ShouldBe("person:kari");
        released.Entry.OccurredAt.ShouldBe(world.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Releasing_an_invoice_that_is_not_held_is_refused_with_what_is_held()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-16");
        await world.UploadAsync(First, Second);
        await world.RunUntilAsync("2026-01-16");
        var cases = world.Get<ICaseActions>();
        await cases.PauseAsync(TestSettings.Creditor, "C-300", PauseReason.Manual, null, ["3002"], Actors.Person("kari"), "Sjekker", "hold-1");

        var error = await Should.ThrowAsync<ReceivablesException>(() => cases.ReleaseInvoiceAsync(TestSettings.Creditor, "C-300", "3001", Actors.Person("kari"), "feil faktura", "release-1"));

        error.Message.ShouldContain("'3001'");
        error.Message.ShouldContain("held are: 3002");
        (await cases.GetAsync(TestSettings.Creditor, "C-300"))!.HeldInvoices.ShouldBe(["3002"]);
    }
}
