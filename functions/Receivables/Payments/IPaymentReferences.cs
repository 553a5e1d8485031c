namespace Receivables.Payments;

/// <summary>
/// Payment references that stand for several invoices (a repayment plan's KID): the matcher places a payment with one
/// of them on those invoices, oldest due date first. Features that issue such references implement it (Plans).
/// </summary>
public interface IPaymentReferences
{
    Task<IReadOnlyList<PaymentReference>> ForCreditorAsync(string creditorId, CancellationToken cancellationToken);
}
