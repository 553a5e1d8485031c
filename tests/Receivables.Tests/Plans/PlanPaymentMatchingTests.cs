using Receivables.Common;
using Receivables.Ledger;
using Receivables.Payments;
using Receivables.Plans;

namespace Receivables.Tests.Plans;

/// <summary>A bank payment with a plan's KID pays the plan's invoices oldest first (not one invoice, not "unknown KID").</summary>
public sealed class PlanPaymentMatchingTests
{
    private static readonly string PlanKid = PlanReference.KidFor("P5341c5d18c");

    private static OpenItemIndex Index(bool withPlan = true)
    {
        var index = new OpenItemIndex();
        OpenInvoice Invoice(string number, string due, decimal open) =>
            new(number, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture).AddDays(-14), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), "NOK", open, open, Kid.WithMod10(number[2..]), "l.csv", 1);
        var invoices = new[] { Invoice("F-24033", "2026-09-20", 18_000m), Invoice("F-24021", "2026-09-05", 42_500m), Invoice("F-24040", "2026-08-01", 900m) };
        index.Add(new DebtorLedger(new Debtor("demo", "K-2002", "Bergen Bygg og Anlegg AS", null, CustomerType.Business, "987654321"), invoices), "snap", invoices.ToDictionary(i => i.InvoiceNumber, i => i.OpenAmount));
        if (withPlan)
        {
            index.AddReference(new PaymentReference(PlanKid, "K-2002", ["F-24021", "F-24033"], "repayment plan P5341c5d18c"));
        }

        return index;
    }

    private static BankTransaction Pay(decimal amount, string kid) =>
        new("test", 1, Guid.NewGuid().ToString(), true, true, false, amount, "NOK", new DateOnly(2026, 10, 23), null, kid, null, null, "Bergen Bygg", "12345678903", null, null, "");

    [Fact]
    public void An_installment_paid_with_the_plans_KID_goes_to_the_oldest_invoice_of_the_plan_first()
    {
        var index = Index();

        var first = PaymentMatcher.Match(Pay(5_000m, PlanKid), index);

        first.Rule.ShouldBe(MatchRule.Kid);
        first.Allocations.ShouldBe([new PaymentAllocation("K-2002", "F-24021", 5_000m)]);
        first.Reason.ShouldContain("repayment plan P5341c5d18c");
    }

    [Fact]
    public void When_the_oldest_plan_invoice_is_paid_the_next_one_takes_the_rest_before_any_invoice_outside_the_plan()
    {
        var index = Index();

        var decision = PaymentMatcher.Match(Pay(45_000m, PlanKid), index);

        decision.Allocations.ShouldBe([new PaymentAllocation("K-2002", "F-24021", 42_500m), new PaymentAllocation("K-2002", "F-24033", 2_500m)]);
        decision.Overpayment.ShouldBe(0m);
    }

    [Fact]
    public void Without_the_plan_known_the_KID_is_not_placed()
    {
        PaymentMatcher.Match(Pay(5_000m, PlanKid), Index(withPlan: false)).IsMatched.ShouldBeFalse();
    }
}
