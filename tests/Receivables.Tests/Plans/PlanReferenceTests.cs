using Receivables.Ledger;
using Receivables.Plans;

namespace Receivables.Tests.Plans;

/// <summary>The plan's own KID and how a payment made with it is spread over the invoices the plan covers.</summary>
public sealed class PlanReferenceTests
{
    [Theory]
    [InlineData("P0000000001")]
    [InlineData("P5ee1d3a4c0")]
    [InlineData("Pffffffffff")]
    public void A_plan_KID_is_a_valid_MOD10_KID_that_names_its_plan(string planId)
    {
        var kid = PlanReference.KidFor(planId);

        kid.Length.ShouldBe(15);
        kid[0].ShouldBe('9');
        Kid.IsValid(kid).ShouldBeTrue();
        PlanReference.PlanIdOf(kid).ShouldBe(planId);
    }

    [Fact]
    public void The_documented_example_holds() => PlanReference.KidFor("P5ee1d3a4c0").ShouldBe("904075156696964");

    [Fact]
    public void Every_plan_gets_its_own_KID_and_a_mistyped_KID_names_no_plan()
    {
        var ids = Enumerable.Range(0, 500).Select(i => "P" + (i * 7919L + 13).ToString("x10", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.Select(PlanReference.KidFor).Distinct().Count().ShouldBe(ids.Count);

        var kid = PlanReference.KidFor("P5ee1d3a4c0");
        var typo = kid[..5] + (char)('0' + ((kid[5] - '0' + 1) % 10)) + kid[6..];
        PlanReference.PlanIdOf(typo).ShouldBeNull("the check digit catches a mistyped digit");
        PlanReference.PlanIdOf("24021008").ShouldBeNull("an invoice's KID is not a plan's");
    }

    [Fact]
    public void A_plan_payment_is_allocated_to_the_oldest_invoice_first_across_several_invoices()
    {
        var covered = new[]
        {
            new PlanInvoiceBalance("F-24033", new DateOnly(2026, 9, 30), 4000m),
            new PlanInvoiceBalance("F-24021", new DateOnly(2026, 9, 15), 2500m),
            new PlanInvoiceBalance("F-24040", new DateOnly(2026, 10, 5), 1000m),
            new PlanInvoiceBalance("K-100", new DateOnly(2026, 9, 1), -300m),
        };

        var first = PlanAllocation.Allocate(3000m, covered);
        first.Lines.ShouldBe([new PlanAllocationLine("F-24021", 2500m), new PlanAllocationLine("F-24033", 500m)]);
        first.Unallocated.ShouldBe(0m);

        var afterFirst = new[]
        {
            new PlanInvoiceBalance("F-24033", new DateOnly(2026, 9, 30), 3500m),
            new PlanInvoiceBalance("F-24021", new DateOnly(2026, 9, 15), 0m),
            new PlanInvoiceBalance("F-24040", new DateOnly(2026, 10, 5), 1000m),
        };
        var rest = PlanAllocation.Allocate(5000m, afterFirst);
        rest.Lines.ShouldBe([new PlanAllocationLine("F-24033", 3500m), new PlanAllocationLine("F-24040", 1000m)]);
        rest.Unallocated.ShouldBe(500m, "an overpayment is left for a person, not put on an invoice");
    }

    [Fact]
    public void Invoices_due_the_same_day_are_paid_in_invoice_number_order()
    {
        var day = new DateOnly(2026, 9, 15);
        PlanAllocation.Allocate(150m, [new("F-2", day, 100m), new("F-1", day, 100m)]).Lines
            .ShouldBe([new PlanAllocationLine("F-1", 100m), new PlanAllocationLine("F-2", 50m)]);
    }
}
