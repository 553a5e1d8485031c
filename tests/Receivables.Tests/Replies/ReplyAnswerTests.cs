using System.Text;
using MimeKit;
using Receivables.Actions;
using Receivables.Email;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>What the debtor is told in writing after a reply: threaded to their message, with the facts they need.</summary>
public sealed class ReplyAnswerTests
{
    private const string Big = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";
    private const string Small = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";

    private static async Task<LeversWorld> RemindedAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Big, Small);
        await world.RunUntilAsync("2026-01-20");
        return world;
    }

    private static List<OutboundEmail> Sent(LeversWorld world, string address, string template) =>
        world.Sender.Sends.Where(s => s.ToAddress == address && s.CustomArgs.GetValueOrDefault("template") == template)
            .Select(s => s with { TextBody = s.TextBody.Replace('\u00A0', ' ').Replace('\u202F', ' ') }).ToList();

    private static void ShouldAnswer(OutboundEmail answer, string messageId)
    {
        answer.Thread.ShouldNotBeNull();
        answer.Thread.MessageId.ShouldBe(messageId);
        answer.Thread.ReferencesOfAnswer().ShouldContain(messageId);
        answer.Subject.ShouldBe("SV: Påminnelse");
    }

    [Fact]
    public async Task A_promise_by_reply_is_confirmed_in_writing_with_the_promised_date_threaded_to_the_debtors_message()
    {
        await using var world = await RemindedAsync();
        world.SetDay("2026-01-21");

        var id = await world.ReplyAsync("C-200", "per@example.no", "Hei, beklager. Jeg betaler innen 30.01.2026.\n\nPer");

        var confirmation = Sent(world, "per@example.no", MessageTemplates.PromiseConfirmation).ShouldHaveSingleItem();
        confirmation.TextBody.ShouldContain("30.01.2026");
        confirmation.TextBody.ShouldContain("du betaler");
        confirmation.TextBody.ShouldContain("KID: 20021");
        ShouldAnswer(confirmation, id);
    }

    [Fact]
    public async Task A_dispute_is_acknowledged_with_the_invoice_on_hold_no_reminders_or_fees_and_no_payment_asked_for_it()
    {
        await using var world = await RemindedAsync();
        world.SetDay("2026-01-21");

        var id = await world.ReplyAsync("B-100", "post@fjellbygg.example", "Hei,\n\nVi bestrider denne fakturaen. Leveransen kom skadet frem.\n\nFjellbygg AS");

        var ack = Sent(world, "post@fjellbygg.example", MessageTemplates.DisputeAcknowledgement).ShouldHaveSingleItem();
        ack.TextBody.ShouldContain("faktura 2001 på vent");
        ack.TextBody.ShouldContain("ingen purringer");
        ack.TextBody.ShouldContain("dere");
        ack.TextBody.ShouldNotContain("Å betale");
        ack.TextBody.ShouldNotContain("20 000,00");
        ShouldAnswer(ack, id);
    }

    [Fact]
    public async Task A_broken_promise_gets_a_written_follow_up_the_day_after_the_date_plus_grace_and_a_large_claim_a_call_task()
    {
        await using var world = await RemindedAsync();
        world.SetDay("2026-01-21");
        await world.ReplyAsync("B-100", "post@fjellbygg.example", "Hei, vi betaler innen 26.01.2026.\n\nFjellbygg AS");
        await world.ReplyAsync("C-200", "per@example.no", "Hei, jeg betaler innen 26.01.2026.\n\nPer");
        foreach (var call in await OpenCallsAsync(world))
        {
            await world.Get<ITaskStore>().CompleteAsync(TestSettings.Creditor, call.TaskId, "no-answer", null);
        }

        world.SetDay("2026-01-22");
        await world.UploadAsync(Big, Small.Replace("900.00,900.00", "900.00,0.00", StringComparison.Ordinal));
        await world.RunUntilAsync("2026-01-29");
        Sent(world, "post@fjellbygg.example", MessageTemplates.PromiseBroken).ShouldBeEmpty("not before the promised date plus three days' grace has passed");

        await world.RunUntilAsync("2026-01-30");

        var followUp = Sent(world, "post@fjellbygg.example", MessageTemplates.PromiseBroken).ShouldHaveSingleItem();
        followUp.TextBody.ShouldContain("26.01.2026");
        followUp.TextBody.ShouldContain("KID: 20013");
        followUp.TextBody.ShouldContain("1234.56.78903");
        Sent(world, "per@example.no", MessageTemplates.PromiseBroken).ShouldBeEmpty("Per kept his promise");
        (await OpenCallsAsync(world)).ShouldHaveSingleItem().Title.ShouldContain("promise of 26.01.2026 broken");

        await world.RunUntilAsync("2026-02-02");
        Sent(world, "post@fjellbygg.example", MessageTemplates.PromiseBroken).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Already_paid_is_answered_in_writing_found_closes_the_case_and_not_found_asks_for_date_and_reference()
    {
        await using var world = await RemindedAsync();
        world.SetDay("2026-01-21");
        var perId = await world.ReplyAsync("C-200", "per@example.no", "Hei! Denne fakturaen er allerede betalt, jeg betalte den 19. januar.\n\nPer");
        var bigId = await world.ReplyAsync("B-100", "post@fjellbygg.example", "Hei! Denne fakturaen er allerede betalt.\n\nFjellbygg AS");

        world.SetDay("2026-01-22");
        await world.UploadAsync(Big);

        var found = Sent(world, "per@example.no", MessageTemplates.PaymentFound).ShouldHaveSingleItem();
        found.TextBody.ShouldContain("Saken er avsluttet");
        ShouldAnswer(found, perId);
        var notFound = Sent(world, "post@fjellbygg.example", MessageTemplates.StillOpen).ShouldHaveSingleItem();
        notFound.TextBody.ShouldContain("betalingsdatoen og referansen");
        notFound.TextBody.ShouldContain("dere");
        ShouldAnswer(notFound, bigId);
    }

    [Fact]
    public void An_answer_names_the_debtors_message_in_in_reply_to_and_references_and_keeps_the_subject()
    {
        var thread = ReplyThread.Of("<abc@mail.example.no>", ["<first@x.example>"], "Re: SV: Purring")!;
        var email = new OutboundEmail("k", "a@example.no", "A", "regnskap@acme.example", "Acme", "regnskap@acme.example", thread.SubjectFor("nb"), "t", "<p>t</p>", new Dictionary<string, string>(), []) { Thread = thread };

        var mime = MimeMessage.Load(new MemoryStream(MimeMessages.ToBytes(MimeMessages.Build(email, DateTimeOffset.UnixEpoch))));

        mime.InReplyTo.ShouldBe("abc@mail.example.no");
        mime.References.ShouldBe(["first@x.example", "abc@mail.example.no"]);
        mime.Subject.ShouldBe("SV: Purring");
        thread.SubjectFor("en").ShouldBe("Re: Purring");
        Encoding.UTF8.GetString(MimeMessages.ToBytes(MimeMessages.Build(email, DateTimeOffset.UnixEpoch))).ShouldContain("In-Reply-To: <abc@mail.example.no>");
    }

    private static async Task<List<WorkTask>> OpenCallsAsync(LeversWorld world)
    {
        var list = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: true))
        {
            if (task.Kind == TaskKinds.CallDebtor)
            {
                list.Add(task);
            }
        }

        return list;
    }
}
