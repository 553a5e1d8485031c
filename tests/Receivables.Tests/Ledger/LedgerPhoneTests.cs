using System.Text;
using Receivables.Actions;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>The debtor's phone: an optional column in the CSV formats, kept from SAF-T, and shown on tasks.</summary>
public sealed class LedgerPhoneTests
{
    [Fact]
    public async Task The_canonical_csv_reads_an_optional_customer_phone_column_and_files_without_it_still_import()
    {
        await using var host = await TestHost.StartHostAsync();
        var withPhone = LedgerKit.Header + ",customer_phone\n"
            + "K-1,Kari Nordmann,kari@example.no,consumer,,1001,2026-09-01,2026-09-15,NOK,1250.00,1250.00,,+47 912 34 567\n"
            + "K-2,Per Olsen,per@example.no,consumer,,1002,2026-09-01,2026-09-15,NOK,900.00,900.00,,\n";

        var outcome = await LedgerKit.DropAsync(host, "acme/with-phone.csv", withPhone);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        var reader = host.Get<ILedgerReader>();
        (await reader.GetDebtorAsync(TestSettings.Creditor, "K-1"))!.Debtor.Phone.ShouldBe("+47 912 34 567");
        (await reader.GetDebtorAsync(TestSettings.Creditor, "K-2"))!.Debtor.Phone.ShouldBeNull();

        var without = await LedgerKit.DropAsync(host, "acme/without-phone.csv", LedgerKit.Canonical("K-3,Ola,ola@example.no,consumer,,1003,2026-09-01,2026-09-15,NOK,100.00,100.00,"));
        without.Result.ShouldBe(LedgerUploadResult.Accepted, without.Message);
    }

    [Theory]
    [InlineData("Telefon")]
    [InlineData("Mobil")]
    public async Task The_norwegian_profile_reads_the_phone_from_a_Telefon_or_Mobil_column(string column)
    {
        await using var host = await TestHost.StartHostAsync();
        var content = string.Join("\r\n",
            $"Kundenr;Kundenavn;E-post;{column};Kundetype;Organisasjonsnr;Fakturanr;Fakturadato;Forfallsdato;Valuta;Beløp;Restbeløp;KID",
            "30002;Håløygen Sjømat AS;post@haloygen.example;75 50 40 30;Bedrift;987 654 325;9003;02.10.2026;01.11.2026;NOK;127 500,00;127 500,00;") + "\r\n";

        var outcome = await LedgerKit.DropAsync(host, "acme/regnskap.csv", Encoding.UTF8.GetBytes(content));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message + string.Join("\n", outcome.FirstProblems ?? []));
        (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "30002"))!.Debtor.Phone.ShouldBe("75 50 40 30");
    }

    [Fact]
    public async Task Saft_keeps_the_customers_contact_telephone_and_a_task_for_the_debtor_shows_it()
    {
        var file = RepoFiles.Sample("saft", "SAF-T_Financial_v1.10_example_888888888.xml");
        await using var host = await TestHost.StartHostAsync();
        await LedgerKit.DropAsync(host, "acme/saft-2017.xml", await File.ReadAllBytesAsync(file), new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        var debtors = await LedgerKit.DebtorsAsync(host);
        var withPhone = debtors.Where(d => d.Debtor.Phone is not null).ToList();
        withPhone.ShouldNotBeEmpty("the sample's customers have Contact/Telephone");

        var debtor = withPhone[0].Debtor;
        var task = await host.Get<ITaskStore>().OpenAsync(TestSettings.Creditor, TaskKinds.CallDebtor, debtor.DebtorId, null, "Call " + debtor.Name, "", "phone-test");

        task.Facts.Phone.ShouldBe(debtor.Phone);
        TaskText.Facts(task).ShouldContain("phone " + debtor.Phone);
    }
}
