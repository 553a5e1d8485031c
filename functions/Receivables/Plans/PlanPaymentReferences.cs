using Receivables.Payments;

namespace Receivables.Plans;

/// <summary>
/// Tells the bank matcher each live plan's KID (<see cref="PlanReference"/>): a payment with it is placed on the plan's
/// invoices, oldest due date first, as the plan letters promise.
/// </summary>
public sealed class PlanPaymentReferences(IPlanStore plans) : IPaymentReferences
{
    public async Task<IReadOnlyList<PaymentReference>> ForCreditorAsync(string creditorId, CancellationToken cancellationToken)
    {
        var references = new List<PaymentReference>();
        await foreach (var plan in plans.ListAsync(creditorId, null, cancellationToken))
        {
            if (plan.Kid is { } kid && plan.Status is PlanStatus.Proposed or PlanStatus.AwaitingSecurity or PlanStatus.InForce)
            {
                references.Add(new PaymentReference(kid, plan.DebtorId, plan.CoveredInvoices, "repayment plan " + plan.PlanId));
            }
        }

        return references;
    }
}
