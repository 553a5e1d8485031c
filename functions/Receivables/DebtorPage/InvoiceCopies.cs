using Microsoft.Extensions.Logging;
using Receivables.Ledger;
using Receivables.Ledger.Parsing;

namespace Receivables.DebtorPage;

/// <summary>
/// The invoice document behind a ledger line, when it came in as EHF: the pointer recorded at import leads to the
/// uploaded file, which is read (within <see cref="EhfDocumentReader"/>'s limits) and used only when it is that very
/// document. Anything else (no pointer, the file gone, replaced by another document, unreadable) is null: the page then
/// gives the ledger's details instead.
/// </summary>
public sealed class InvoiceCopies(IEhfSourceStore sources, ILedgerStore store, ILogger<InvoiceCopies> logger)
{
    public async Task<(EhfDocument Document, EhfSource Source)?> FindAsync(string creditorId, string invoiceNumber, CancellationToken cancellationToken)
    {
        if (await sources.FindAsync(creditorId, invoiceNumber, cancellationToken) is not { } source
            || await store.GetUploadAsync(source.BlobName, cancellationToken) is not { } file)
        {
            return null;
        }

        if (file.Length > EhfDocumentReader.MaxBytes)
        {
            logger.LogWarning("EHF source {Blob} of invoice {InvoiceNumber} is {Length} bytes, over the copy limit; the ledger's details are given", source.BlobName, invoiceNumber, file.Length);
            return null;
        }

        // The file can be deleted or replaced between the two calls: then the details, not an error page.
        byte[] content;
        try

        {
            await using var stream = await store.OpenUploadAsync(file, cancellationToken);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, cancellationToken);
            content = memory.ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "EHF source {Blob} of invoice {InvoiceNumber} could not be read; the ledger's details are given", source.BlobName, invoiceNumber);
            return null;
        }

        var document = EhfDocumentReader.Read(content);
        var key = document is { IsCreditNote: true } && invoiceNumber == document.Number + "-CN" ? invoiceNumber : document?.Number;
        if (document is null || key != invoiceNumber)
        {
            logger.LogWarning("EHF source {Blob} no longer holds document {InvoiceNumber}; the ledger's details are given", source.BlobName, invoiceNumber);
            return null;
        }

        return (document, source);
    }

    /// <summary>A found copy as the PDF the debtor gets, in <paramref name="language"/>, dated the day the EHF file came in.</summary>
    public static byte[] Pdf((EhfDocument Document, EhfSource Source) copy, string language) =>
        EhfCopyPdf.Render(copy.Document, language, DateOnly.FromDateTime(copy.Source.UploadedAt.UtcDateTime));
}
