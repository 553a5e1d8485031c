using System.Text;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.SetOff;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.SetOff;

/// <summary>Set-off (motregning): a debtor who is also our supplier, matched by organisation number.</summary>
public sealed class SetOffTests
{
    private const string PayablesHeader = "supplier_id,supplier_name,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount";
    private const string Fjellbygg = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";
    private const string NotDueYet = "B-200,Vestland Rør AS,post@vestlandror.example,business,912345670,2002,2026-01-10,2026-02-28,NOK,5000.00,5000.00,20021";

    private static async Task UploadPayablesAsync(LeversWorld world, params string[] rows)
    {
        var blob = world.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient("acme/payables/leverandorreskontro.csv");
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(PayablesHeader + "\n" + string.Join("\n", rows) + "\n")), overwrite: true);
        await world.DrainAsync();
    }

    [Fact]
    public async Task A_debtor_who_is_also_our_supplier_gets_a_set_off_proposal_with_its_conditions_and_a_drafted_declaration_sent_once_on_approval()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Fjellbygg, NotDueYet);
        await UploadPayablesAsync(world,
            "S-9,Fjellbygg AS,987 654 321,L-77,2026-01-05,2026-02-05,NOK,8000.00,8000.00",
            "S-9,Fjellbygg AS,987 654 321,L-78,2026-01-06,2026-02-06,EUR,300.00,300.00",
            "S-10,Vestland Rør AS,912345670,L-80,2026-01-06,2026-02-06,NOK,1000.00,1000.00",
            "S-11,Kontorrekvisita AS,998877665,L-81,2026-01-06,2026-02-06,NOK,700.00,700.00");

        await world.RunUntilAsync("2026-01-21");

        (await world.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "B-100")).ShouldNotBeNull("the payables file is not read as a ledger");
        var proposal = (await world.Get<SetOffs>().ListAsync(TestSettings.Creditor)).ShouldHaveSingleItem("only a due claim in the same currency can be set off");
        proposal.DebtorId.ShouldBe("B-100");
        proposal.Amount.ShouldBe(8000m);
        proposal.Currency.ShouldBe("NOK");
        proposal.PayableInvoices.ShouldBe("L-77");
        proposal.Conditions.ShouldContain("same organisation number 987654321");
        proposal.Conditions.ShouldContain("our claim is due");
        proposal.DraftSubject.ShouldStartWith("Motregningserklæring");
        proposal.DraftText.Replace('\u00A0', ' ').ShouldContain("med 8 000,00 kr", customMessage: "the amount is written as a Norwegian reader reads it");
        proposal.DraftText.ShouldContain("gjelden vår til dere (deres faktura L-77)", customMessage: "a business is addressed as dere");
        proposal.DraftText.Replace('\u00A0', ' ').ShouldContain("etter motregningen er det 8 000,00 kr mindre å betale", customMessage: "the statement shown is before the set-off, and the letter says so");
        var task = (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, proposal.TaskId!)).ShouldNotBeNull();
        task.Kind.ShouldBe(TaskKinds.ApproveSetOff);
        world.Sender.Sends.ShouldNotContain(s => s.CustomArgs.GetValueOrDefault("template") == SetOffs.Template, "nothing is sent before approval");

        await world.Get<SetOffs>().ApproveAsync(TestSettings.Creditor, proposal.ProposalId, Actors.Person("ola"));
        await world.Get<SetOffs>().ApproveAsync(TestSettings.Creditor, proposal.ProposalId, Actors.Person("ola"));
        await world.RunUntilAsync("2026-01-22");

        var notice = world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == SetOffs.Template).ShouldHaveSingleItem();
        notice.ToAddress.ShouldBe("post@fjellbygg.example");
        notice.TextBody.ShouldContain("motregnes");
        (await world.Get<SetOffs>().ListAsync(TestSettings.Creditor)).ShouldHaveSingleItem().State.ShouldBe(SetOffStates.Approved);
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, proposal.TaskId!))!.IsOpen.ShouldBeFalse();
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", found!.CaseId));
        entries.Count(e => e.Entry.Title == "Set-off approved and declared").ShouldBe(1);
    }

    [Fact]
    public void A_bad_payables_file_is_rejected_naming_file_line_and_field()
    {
        var csv = PayablesHeader + "\nS-9,Fjellbygg AS,987654321,L-77,2026-01-05,2026-02-05,NOK,8000.00,8000.00\nS-10,Vestland Rør AS,91234,L-80,05.01.2026,2026-02-06,NOK,1000.00,abc\n";

        var error = Should.Throw<ReceivablesException>(() => PayablesParser.Parse(new StringReader(csv), "ledger/acme/payables/p.csv"));

        error.Message.ShouldContain("ledger/acme/payables/p.csv line 3 field org_number");
        error.Message.ShouldContain("line 3 field invoice_date: '05.01.2026' is not a date yyyy-MM-dd");
        error.Message.ShouldContain("line 3 field open_amount: 'abc'");
    }

    [Fact]
    public void A_payables_file_without_the_documented_columns_is_rejected()
    {
        var error = Should.Throw<ReceivablesException>(() => PayablesParser.Parse(new StringReader("supplier_id,amount\nS-1,10\n"), "p.csv"));

        error.Message.ShouldContain("p.csv line 1: column(s) supplier_name, org_number");
    }
}
