namespace Receivables.Ledger;

/// <summary>
/// Which uploaded EHF file each of a creditor's invoices and credit notes came from, so that a copy of the document
/// itself can be given. The product's adapter is <see cref="Storage.TableEhfSourceStore"/>.
/// </summary>
public interface IEhfSourceStore
{
    /// <summary>
    /// Records <paramref name="source"/> as the document's file. Idempotent; a later upload of the same number replaces
    /// the pointer, an older one (a redelivered event after a newer file) does not.
    /// </summary>
    Task RecordAsync(EhfSource source, CancellationToken cancellationToken);

    Task<EhfSource?> FindAsync(string creditorId, string documentNumber, CancellationToken cancellationToken);
}
