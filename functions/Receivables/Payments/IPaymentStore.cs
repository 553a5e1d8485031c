namespace Receivables.Payments;

/// <summary>
/// Where the payments feature keeps bank files, transactions and the payments applied to open invoices. The product's
/// adapter is <see cref="Storage.AzurePaymentStore"/> (the <c>payments</c> container and the <c>Payments</c> table).
/// </summary>
public interface IPaymentStore
{
    Task<PaymentUploadFile?> GetUploadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Reads the upload's content, failing when it is no longer the version <paramref name="file"/> describes.</summary>
    Task<Stream> OpenUploadAsync(PaymentUploadFile file, CancellationToken cancellationToken);

    /// <summary>Writes a text file into the payments container (rejection reports).</summary>
    Task WriteReportAsync(string blobName, string text, CancellationToken cancellationToken);

    Task<PaymentImportOutcome?> GetOutcomeAsync(string blobName, string eTag, CancellationToken cancellationToken);

    Task SaveOutcomeAsync(PaymentImportOutcome outcome, CancellationToken cancellationToken);

    /// <summary>The blob an earlier, completed import of the same content came from (null: never imported).</summary>
    Task<string?> GetImportedFileAsync(string creditorId, string sha256, CancellationToken cancellationToken);

    Task MarkFileImportedAsync(string creditorId, string sha256, string blobName, CancellationToken cancellationToken);

    /// <summary>Claims transaction keys for the file <paramref name="fileSha256"/> (batched); says per key whether it is new.</summary>
    Task<IReadOnlyDictionary<string, ClaimResult>> ClaimAsync(string creditorId, string fileSha256, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Stores the decided transactions (replacing their claims), batched per table transaction.</summary>
    Task SavePaymentsAsync(IReadOnlyList<StoredPayment> payments, CancellationToken cancellationToken);

    Task<StoredPayment?> GetPaymentAsync(string creditorId, string key, CancellationToken cancellationToken);

    /// <summary>Stored payments (not reversals) of this amount and currency, placed, unplaced or reversed: candidates for a reversal.</summary>
    Task<IReadOnlyList<StoredPayment>> FindByAmountAsync(string creditorId, decimal amount, string currency, CancellationToken cancellationToken);

    Task AddAllocationsAsync(IReadOnlyList<ActiveAllocation> allocations, CancellationToken cancellationToken);

    /// <summary>Payments applied that the ledger may not show yet: of a creditor, or of one debtor.</summary>
    Task<IReadOnlyList<ActiveAllocation>> GetAllocationsAsync(string creditorId, string? debtorId, CancellationToken cancellationToken);

    /// <summary>Replaces (rebases) or, when <paramref name="remove"/>, deletes an applied payment's row.</summary>
    Task UpdateAllocationAsync(ActiveAllocation allocation, bool remove, CancellationToken cancellationToken);
}
