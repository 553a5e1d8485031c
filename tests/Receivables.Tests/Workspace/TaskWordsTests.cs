using System.Globalization;
using Receivables.Actions;
using Receivables.Web.Text;

namespace Receivables.Tests.Workspace;

/// <summary>How a task reads on the workspace: worded from its facts in the reader's language, or as it was stored.</summary>
public sealed class TaskWordsTests
{
    private static readonly DateTimeOffset Opened = new(2026, 1, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_task_opened_before_its_reason_was_stored_still_shows_the_title_and_details_it_was_opened_with()
    {
        var task = Task(TaskKinds.CallDebtor, "Call Fjellbygg AS", "Why: large claim. Contact: Fjellbygg AS. Record the outcome: tasks done <id> --outcome promise.", new TaskFacts { Amount = 20000m, Currency = "NOK" });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", null)));

        title.ShouldBe("Call Fjellbygg AS");
        details.ShouldBe(["Why: large claim.", "Contact: Fjellbygg AS."]);
    }

    [Fact]
    public void A_call_after_a_broken_promise_names_the_promised_date_and_the_amount_in_the_readers_language()
    {
        var task = Task(TaskKinds.CallDebtor, "Call Fjellbygg AS: promise of 02.02.2026 broken", "Why: the debtor promised to pay by 2026-02-02.", new TaskFacts
        {
            Amount = 20000m,
            Currency = "NOK",
            DaysOverdue = 25,
            Invoices = ["2001"],
            Reason = TaskReasons.PromiseBroken,
            AboutDate = new DateOnly(2026, 2, 2),
        });

        var (nbTitle, nbDetails) = InCulture("nb-NO", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", "post@fjellbygg.example")));
        var (enTitle, enDetails) = InCulture("en-GB", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", "post@fjellbygg.example")));

        nbTitle.ShouldBe("Ring Fjellbygg AS: betalingsløftet til 02.02.2026 er brutt");
        Plain(nbDetails[0]).ShouldBe("Hvorfor: kunden lovet å betale innen 02.02.2026, men 20 000,00 kr er fortsatt forfalt.");
        Plain(nbDetails[2]).ShouldBe("Krav: 1 forfalt faktura (2001), 20 000,00 kr utestående, 25 dager over forfall.");
        enTitle.ShouldBe("Call Fjellbygg AS: promise to pay by 02/02/2026 broken");
        Plain(enDetails[0]).ShouldBe("Why: the customer promised to pay by 02/02/2026, and 20,000.00 NOK is still overdue.");
    }

    [Fact]
    public void A_dispute_of_named_invoices_names_them_and_the_day_the_reply_came()
    {
        var task = Task(TaskKinds.ReviewDispute, "Dispute on invoice(s) 2002, 2003 (reply r-1 of 2026-01-20)", "The debtor disputes invoice(s) 2002, 2003.", new TaskFacts
        {
            Invoices = ["2002", "2003"],
            Reason = TaskReasons.DisputeInReply,
            AboutDate = new DateOnly(2026, 1, 20),
            Reference = "2002,2003",
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Innsigelse på faktura 2002, 2003 (svar 20.01.2026)");
        details[0].ShouldBe("Kunden bestrider faktura 2002, 2003 i et svar mottatt 20.01.2026.");
    }

    [Fact]
    public void A_credit_note_to_book_after_an_upheld_dispute_says_the_amount_and_invoices_in_bokmål()
    {
        var task = Task(TaskKinds.BookCreditNote, "Book a credit note of 900.00 NOK on 2002", "The dispute was resolved as upheld (T1).", new TaskFacts
        {
            Amount = 900m,
            Currency = "NOK",
            Invoices = ["2002"],
            Reason = TaskReasons.DisputeResolved,
            Reference = "upheld",
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        Plain(title).ShouldBe("Før kreditnota på 900,00 kr på faktura 2002");
        details[0].ShouldBe("Innsigelsen er tatt til følge.");
        details[1].ShouldStartWith("Før kreditnotaen i regnskapssystemet.");
    }

    private static WorkTask Task(string kind, string title, string details, TaskFacts facts) =>
        new("acme", "T1", kind, "B-100", "case-1", title, details, Opened, true, null, null, null) { Facts = facts };

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static T InCulture<T>(string name, Func<TaskWords, T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return read(new TaskWords(new Texts()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
