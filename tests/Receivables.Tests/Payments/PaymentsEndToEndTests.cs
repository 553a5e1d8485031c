using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Payments;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Payments.PaymentsWorld;

namespace Receivables.Tests.Payments;

/// <summary>Bank files through the real host on Azurite: upload, match, same-day effect on the cycle, the next ledger.</summary>
public sealed class PaymentsEndToEndTests
{
    private static readonly string Kari = Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m);
    private static readonly string Per = Line("C-300", "Per Olsen", "1002", 800m, 800m);
    private static readonly DateOnly PaidOn = new(2026, 2, 3);

    [Fact]
    public async Task A_debtor_who_paid_in_full_by_OCR_in_the_morning_gets_nothing_that_day_and_the_next_ledger_changes_nothing()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        await world.CycleAsync("2026-01-20");
        await world.LedgerAsync("w2.csv", "2026-02-02", Kari, Per);

        var outcome = await world.BankFileAsync("ocr-0203.txt", Ocr(new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10("1001"))));
        outcome.Result.ShouldBe(PaymentImportResult.Accepted);
        outcome.Matched.ShouldBe(1);
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();
        await world.CycleAsync("2026-02-03");

        // Per, who did not pay, gets the next step the same day; Kari gets nothing.
        world.SentTo("C-300").ShouldBe(["1", "2"]);
        world.SentTo("C-200").ShouldBe(["1"]);

        // The next ledger shows the payment: it is not subtracted twice and nothing more happens.
        await world.LedgerAsync("w3.csv", "2026-02-04", Per);
        (await world.Host.Get<IPaymentStore>().GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None)).ShouldBeEmpty();
        await world.CycleAsync("2026-02-04");
        await world.CycleAsync("2026-02-18");
        world.SentTo("C-200").ShouldBe(["1"]);
        (await world.Host.Get<Receivables.Dunning.ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!.Stage.ShouldBe(Receivables.Dunning.CaseStages.Closed);

        // The file and the decision are in the case's evidence.
        var caseId = (await world.Host.Get<Receivables.Dunning.ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!.CaseId;
        var entries = await world.Host.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "C-200", caseId));
        entries.ShouldContain(e => e.Entry.Title.Contains("acme/ocr-0203.txt") && e.Entry.Title.Contains("KID"));
    }

    [Fact]
    public async Task A_part_payment_reanchors_the_ladder_and_the_next_message_asks_for_what_is_left()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari);
        await world.CycleAsync("2026-01-20");
        await world.LedgerAsync("w2.csv", "2026-02-02", Kari);
        var camt = BankFileGenerator.Camt054([new GeneratedPayment(400m, PaidOn, Kid: Kid.WithMod10("1001"), Payer: "Kari Nordmann")]);
        (await world.BankFileAsync("camt-0203.xml", camt)).Matched.ShouldBe(1);

        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(600m);
        await world.CycleAsync("2026-02-03");
        world.SentTo("C-200").ShouldBe(["1"]);

        await world.LedgerAsync("w3.csv", "2026-02-16", Line("C-200", "Kari Nordmann", "1001", 1000m, 600m));
        await world.CycleAsync("2026-02-17");
        world.SentTo("C-200").ShouldBe(["1", "2"]);
        var subject = world.Sender.Sends.Last().Subject;
        var total = decimal.Parse(subject[(subject.LastIndexOf(": ", StringComparison.Ordinal) + 2)..subject.LastIndexOf(" NOK", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        total.ShouldBeInRange(600m, 700m, "the 600 left plus the reminder fee and interest, not the 1,000 first invoiced");
    }

    [Fact]
    public async Task The_same_file_twice_and_the_same_transaction_in_two_files_are_counted_once()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        var payment = new GeneratedPayment(300m, PaidOn, Kid: Kid.WithMod10("1001"), Reference: "123456789");
        (await world.BankFileAsync("a.txt", Ocr(payment))).Matched.ShouldBe(1);
        (await world.BankFileAsync("a-again.txt", Ocr(payment))).Result.ShouldBe(PaymentImportResult.Duplicate);
        var second = await world.BankFileAsync("b.txt", BankFileGenerator.Ocr([payment, new GeneratedPayment(800m, PaidOn, Kid: Kid.WithMod10("1002"))], transmission: 2));
        second.Duplicates.ShouldBe(1);
        second.Matched.ShouldBe(1);

        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(700m);
        (await world.OpenItemsAsync("C-300"))!.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reversal_undoes_its_payment()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari);
        await world.BankFileAsync("pay.txt", Ocr(new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10("1001"))));
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();

        var reversal = await world.BankFileAsync("reversal.txt", BankFileGenerator.Ocr([new GeneratedPayment(1000m, PaidOn.AddDays(1), Kid: Kid.WithMod10("1001"), Reversal: true)], transmission: 2));
        reversal.Reversals.ShouldBe(1);
        reversal.Lines!.ShouldContain(l => l.Contains("reverses the payment of record 3 in acme/pay.txt"));
        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(1000m);
    }

    [Fact]
    public async Task A_payment_we_cannot_place_becomes_a_task_with_payer_amount_and_text_and_an_overpayment_is_shown()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        var outcome = await world.BankFileAsync("camt.xml", BankFileGenerator.Camt054(
        [
            new GeneratedPayment(123.45m, PaidOn, Text: "Vipps til Acme, gave", Payer: "Ola Ukjent"),
            new GeneratedPayment(1250m, PaidOn, Rf: BankFileGenerator.RfFor("1002"), Payer: "Per Olsen"),
        ]));

        outcome.Unmatched.ShouldBe(1);
        outcome.Overpaid.ShouldBe(450m);
        var task = (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldHaveSingleItem();
        task.Title.ShouldContain("123.45 NOK");
        task.Title.ShouldContain("Ola Ukjent");
        task.Details.ShouldContain("Vipps til Acme, gave");
        var overpaid = (await world.TasksAsync(PaymentTaskKinds.Overpayment)).ShouldHaveSingleItem();
        overpaid.Title.ShouldContain("450.00");
        overpaid.DebtorId.ShouldBe("C-300");
        overpaid.Facts.Amount.ShouldBe(450m, "the task's amount is what to refund or keep as a credit");
        overpaid.Facts.Invoices.ShouldBe(["1002"]);

        // A Norwegian controller reads both in bokmål, worded from what the import stored.
        var (title, details, overpaidTitle, overpaidDetails) = InBokmål(words => (words.Title(task, null), words.Details(task, null, null), words.Title(overpaid, "Per Olsen"), words.Details(overpaid, "Per Olsen", null)));
        Plain(title).ShouldBe("Innbetaling vi ikke kunne plassere: 123,45 kr fra Ola Ukjent");
        Plain(details[0]).ShouldStartWith("123,45 kr bokført 03.02.2026 fra Ola Ukjent (konto ");
        details[0].ShouldEndWith("tekst «Vipps til Acme, gave».");
        details[1].ShouldBe("Hvorfor: ingen KID eller referanse, og teksten nevner ingen åpen faktura med nøyaktig dette beløpet.");
        Plain(overpaidTitle).ShouldBe("Overbetaling på 450,00 kr fra Per Olsen");
        Plain(overpaidDetails[1]).ShouldStartWith("Hvorfor: RF-referansen ");
        Plain(overpaidDetails[1]).ShouldEndWith(" viser til faktura 1002; 450,00 kr mer enn kunden skylder er en overbetaling.");
    }

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static T InBokmål<T>(Func<Receivables.Web.Text.TaskWords, T> read)
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nb-NO");
            return read(new Receivables.Web.Text.TaskWords(new Receivables.Web.Text.Texts()));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_file_record_and_field_and_nothing_stored_changes()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari);
        var good = Ocr(new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10("1001")), new GeneratedPayment(5m, PaidOn, Kid: "12"));
        var lines = good.Split("\r\n");
        lines[^3] = lines[^3][..24] + "00000000000000001" + lines[^3][41..];
        var outcome = await world.BankFileAsync("broken.txt", string.Join("\r\n", lines));

        outcome.Result.ShouldBe(PaymentImportResult.Rejected);
        outcome.Message.ShouldContain("acme/broken.txt: record 7, field 'total amount'");
        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(1000m);
        (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldBeEmpty();
        var report = await world.Host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient(outcome.ReportBlob).DownloadContentAsync();
        report.Value.Content.ToString().ShouldContain("Nothing already stored was changed");
    }

    [Fact]
    public async Task The_same_transaction_twice_in_one_camt_file_is_counted_once()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari);
        var camt = BankFileGenerator.Camt054([new GeneratedPayment(300m, PaidOn, Kid: Kid.WithMod10("1001"), Payer: "Kari Nordmann", Reference: "NTRY-0203-1")]);
        var entry = camt[camt.IndexOf("      <Ntry>", StringComparison.Ordinal)..(camt.IndexOf("</Ntry>", StringComparison.Ordinal) + "</Ntry>\n".Length)];
        var twice = camt.Replace(entry, entry + entry, StringComparison.Ordinal);

        var outcome = await world.BankFileAsync("camt-twice.xml", twice);

        outcome.Transactions.ShouldBe(2);
        outcome.Matched.ShouldBe(1);
        outcome.Duplicates.ShouldBe(1);
        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(700m);
    }

    [Fact]
    public async Task A_camt_file_with_one_bad_entry_after_good_ones_is_refused_whole_and_earlier_payments_stay_as_they_were()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        (await world.BankFileAsync("good.xml", BankFileGenerator.Camt054([new GeneratedPayment(300m, PaidOn, Kid: Kid.WithMod10("1001"))]))).Matched.ShouldBe(1);

        var bad = BankFileGenerator.Camt054(
        [
            new GeneratedPayment(800m, PaidOn, Kid: Kid.WithMod10("1002")),
            new GeneratedPayment(123.45m, PaidOn, Text: "Ukjent"),
            new GeneratedPayment(200m, PaidOn, Kid: Kid.WithMod10("1001")),
        ]).Replace(">200.00</Amt><CdtDbtInd>", ">-200.00</Amt><CdtDbtInd>", StringComparison.Ordinal);
        var outcome = await world.BankFileAsync("bad.xml", bad);

        outcome.Result.ShouldBe(PaymentImportResult.Rejected);
        outcome.Message.ShouldContain("acme/bad.xml: line ");
        outcome.Message.ShouldContain("field 'Ntry/Amt'");
        outcome.Message.ShouldContain("-200.00");
        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(700m, "the earlier file's payment is kept as it was");
        (await world.OpenItemsAsync("C-300"))!.Invoices.Single().OpenAmount.ShouldBe(800m, "nothing of the refused file is counted");
        (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldBeEmpty();
        (await world.Host.Get<IPaymentStore>().GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None)).ShouldHaveSingleItem().Amount.ShouldBe(300m);
    }

    [Fact]
    public async Task A_payment_the_ledger_still_does_not_show_after_the_set_days_opens_a_reconciliation_task()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["Receivables:Payments:ReconcileAfterDays"] = "3" });
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        await world.BankFileAsync("pay.txt", Ocr(new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10("1001"))));

        await world.LedgerAsync("w2.csv", "2026-02-05", Kari, Line("C-300", "Per Olsen", "1002", 800m, 700m));
        (await world.TasksAsync(PaymentTaskKinds.ReconcilePayment)).ShouldBeEmpty();
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();

        await world.LedgerAsync("w3.csv", "2026-02-09", Kari, Line("C-300", "Per Olsen", "1002", 800m, 600m));
        var task = (await world.TasksAsync(PaymentTaskKinds.ReconcilePayment)).ShouldHaveSingleItem();
        task.Title.ShouldContain("1001");
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();
    }
}
