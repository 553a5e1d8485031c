using Receivables.Common;
using Receivables.Ledger;
using Receivables.Payments;

namespace Receivables.Tests.Payments;

/// <summary>The matching rules, on an index of open invoices (no storage).</summary>
public sealed class PaymentMatcherTests
{
    private static OpenItemIndex Index()
    {
        var index = new OpenItemIndex();
        Add(index, "C-1", ("1001", Kid.WithMod10("1001"), 1000m, "2026-01-15"), ("1005", Kid.WithMod10("1005"), 300m, "2026-01-10"), ("1009", Kid.WithMod10("1009"), 200m, "2026-02-01"));
        Add(index, "C-2", ("2001", Kid.WithMod10("2001"), 450m, "2026-01-20"));
        return index;
    }

    private static void Add(OpenItemIndex index, string debtor, params (string Number, string Kid, decimal Open, string Due)[] invoices) =>
        index.Add(
            new DebtorLedger(new Debtor("acme", debtor, "Debtor " + debtor, null, CustomerType.Business, null), [.. invoices.Select(i => new OpenInvoice(i.Number, DateOnly.Parse(i.Due, System.Globalization.CultureInfo.InvariantCulture).AddDays(-14), DateOnly.Parse(i.Due, System.Globalization.CultureInfo.InvariantCulture), "NOK", i.Open, i.Open, i.Kid, "l.csv", 1))]),
            "snap",
            invoices.ToDictionary(i => i.Number, i => i.Open));

    private static BankTransaction Pay(decimal amount, string? kid = null, string? rf = null, string? text = null) =>
        new("test", 1, Guid.NewGuid().ToString(), true, true, false, amount, "NOK", new DateOnly(2026, 3, 2), null, kid, rf, text, "Payer", "12345678903", null, null, "");

    [Fact]
    public void A_KID_places_the_payment_on_its_invoice()
    {
        var decision = PaymentMatcher.Match(Pay(400m, kid: Kid.WithMod10("1001")), Index());
        decision.Rule.ShouldBe(MatchRule.Kid);
        decision.Allocations.ShouldBe([new PaymentAllocation("C-1", "1001", 400m)]);
        decision.Overpayment.ShouldBe(0m);
    }

    [Fact]
    public void A_KID_with_a_wrong_check_digit_is_not_used()
    {
        var decision = PaymentMatcher.Match(Pay(1000m, kid: "10015"), Index());
        decision.IsMatched.ShouldBeFalse();
        decision.Reason.ShouldContain("wrong check digit");
    }

    [Fact]
    public void More_than_the_invoice_covers_the_debtors_other_invoices_oldest_first_and_the_rest_is_overpaid()
    {
        var index = Index();
        var decision = PaymentMatcher.Match(Pay(1700m, kid: Kid.WithMod10("1001")), index);
        decision.Allocations.ShouldBe([new PaymentAllocation("C-1", "1001", 1000m), new PaymentAllocation("C-1", "1005", 300m), new PaymentAllocation("C-1", "1009", 200m)]);
        decision.Overpayment.ShouldBe(200m);
        decision.Reason.ShouldContain("overpayment");

        // Another payment of the same invoice is now all overpayment.
        PaymentMatcher.Match(Pay(50m, kid: Kid.WithMod10("1001")), index).Overpayment.ShouldBe(50m);
    }

    [Fact]
    public void An_RF_reference_names_the_invoice()
    {
        var decision = PaymentMatcher.Match(Pay(450m, rf: CreditorReference.Create("2001")), Index());
        decision.Rule.ShouldBe(MatchRule.Rf);
        decision.DebtorId.ShouldBe("C-2");
    }

    [Fact]
    public void Free_text_places_a_payment_only_with_the_exact_open_amount()
    {
        PaymentMatcher.Match(Pay(450m, text: "Betaling faktura 2001, hilsen C-2"), Index()).Rule.ShouldBe(MatchRule.Text);
        var wrong = PaymentMatcher.Match(Pay(449m, text: "Betaling faktura 2001"), Index());
        wrong.IsMatched.ShouldBeFalse();
        wrong.Reason.ShouldContain("exactly this amount");
    }

    [Fact]
    public void RF_references_are_checked_as_ISO_11649()
    {
        CreditorReference.IsValid("RF18539007547034").ShouldBeTrue();
        CreditorReference.IsValid("RF18 5390 0754 7034").ShouldBeTrue();
        CreditorReference.IsValid("RF19539007547034").ShouldBeFalse();
        CreditorReference.Create("539007547034").ShouldBe("RF18539007547034");
    }
}
