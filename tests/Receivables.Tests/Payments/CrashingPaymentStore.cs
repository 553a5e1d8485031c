using Receivables.Payments;

namespace Receivables.Tests.Payments;

/// <summary>
/// The product's payment store, except that it dies once after storing <paramref name="crashAfter"/> decisions, or
/// right after taking back <paramref name="removalsBeforeCrash"/> applied amounts, as a process that dies half-way
/// through a bank file: what was written before that point stays written.
/// </summary>
internal sealed class CrashingPaymentStore(IPaymentStore inner, int crashAfter, int removalsBeforeCrash = int.MaxValue) : IPaymentStore
{
    private int saved;
    private int removed;

    public bool Crashed { get; private set; }

    public async Task SavePaymentsAsync(IReadOnlyList<StoredPayment> payments, CancellationToken cancellationToken)
    {
        if (!Crashed && saved + payments.Count > crashAfter)
        {
            Crashed = true;
            await inner.SavePaymentsAsync([.. payments.Take(crashAfter - saved)], cancellationToken);
            throw new IOException("The process died here (test).");
        }

        saved += payments.Count;
        await inner.SavePaymentsAsync(payments, cancellationToken);
    }

    public Task<PaymentUploadFile?> GetUploadAsync(string blobName, CancellationToken cancellationToken) => inner.GetUploadAsync(blobName, cancellationToken);

    public Task<Stream> OpenUploadAsync(PaymentUploadFile file, CancellationToken cancellationToken) => inner.OpenUploadAsync(file, cancellationToken);

    public Task WriteReportAsync(string blobName, string text, CancellationToken cancellationToken) => inner.WriteReportAsync(blobName, text, cancellationToken);

    public Task<PaymentImportOutcome?> GetOutcomeAsync(string blobName, string eTag, CancellationToken cancellationToken) => inner.GetOutcomeAsync(blobName, eTag, cancellationToken);

    public Task SaveOutcomeAsync(PaymentImportOutcome outcome, CancellationToken cancellationToken) => inner.SaveOutcomeAsync(outcome, cancellationToken);

    public Task<string?> GetImportedFileAsync(string creditorId, string sha256, CancellationToken cancellationToken) => inner.GetImportedFileAsync(creditorId, sha256, cancellationToken);

    public Task MarkFileImportedAsync(string creditorId, string sha256, string blobName, CancellationToken cancellationToken) => inner.MarkFileImportedAsync(creditorId, sha256, blobName, cancellationToken);

    public Task<IReadOnlyDictionary<string, ClaimResult>> ClaimAsync(string creditorId, string fileSha256, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        inner.ClaimAsync(creditorId, fileSha256, keys, cancellationToken);

    public Task<StoredPayment?> GetPaymentAsync(string creditorId, string key, CancellationToken cancellationToken) => inner.GetPaymentAsync(creditorId, key, cancellationToken);

    public Task<IReadOnlyList<StoredPayment>> FindByAmountAsync(string creditorId, decimal amount, string currency, CancellationToken cancellationToken) =>
        inner.FindByAmountAsync(creditorId, amount, currency, cancellationToken);

    public Task AddAllocationsAsync(IReadOnlyList<ActiveAllocation> allocations, CancellationToken cancellationToken) => inner.AddAllocationsAsync(allocations, cancellationToken);

    public Task<IReadOnlyList<ActiveAllocation>> GetAllocationsAsync(string creditorId, string? debtorId, CancellationToken cancellationToken) =>
        inner.GetAllocationsAsync(creditorId, debtorId, cancellationToken);

    public async Task UpdateAllocationAsync(ActiveAllocation allocation, bool remove, CancellationToken cancellationToken)
    {
        await inner.UpdateAllocationAsync(allocation, remove, cancellationToken);
        if (remove && !Crashed && ++removed == removalsBeforeCrash)
        {
            Crashed = true;
            throw new IOException("The process died here (test).");
        }
    }
}
